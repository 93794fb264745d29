// Benchmark baseline: the least a Node server can do, answering from Buffers read at start.
// Usage: node bare-node.mjs PORT ROUTES_JSON, where each route is { url, file, type }; the
// benchmark sends exactly "br", "gzip" or no Accept-Encoding, so that is all this reads.
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";

const [port, routesJson] = process.argv.slice(2);
const read = (file) => (existsSync(file) ? readFileSync(file) : undefined);
const routes = new Map(
  JSON.parse(routesJson).map(({ url, file, type }) => [
    url,
    { type, identity: read(file), br: read(`${file}.br`), gzip: read(`${file}.gz`) },
  ]),
);

http
  .createServer((req, res) => {
    const route = routes.get(req.url);
    if (route === undefined) return res.writeHead(404).end();
    const encoding = req.headers["accept-encoding"];
    const body = (encoding === "br" && route.br) || (encoding === "gzip" && route.gzip) || route.identity;
    const headers = { "Content-Type": route.type, "Content-Length": body.length };
    if (body !== route.identity) headers["Content-Encoding"] = encoding;
    res.writeHead(200, headers);
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1");
