// Benchmark baseline: a minimal Express 5 app, default settings, one route per URL doing
// res.send of a constant Buffer. Usage as bare-node.mjs.
import { existsSync, readFileSync } from "node:fs";
import express from "express";

const [port, routesJson] = process.argv.slice(2);
const read = (file) => (existsSync(file) ? readFileSync(file) : undefined);
const app = express();
for (const { url, file, type } of JSON.parse(routesJson)) {
  const versions = { identity: read(file), br: read(`${file}.br`), gzip: read(`${file}.gz`) };
  app.get(url, (req, res) => {
    const encoding = req.get("accept-encoding");
    const body = (encoding === "br" && versions.br) || (encoding === "gzip" && versions.gzip) || versions.identity;
    res.type(type);
    if (body !== versions.identity) res.set("Content-Encoding", encoding);
    res.send(body);
  });
}
app.listen(Number(port), "127.0.0.1");
