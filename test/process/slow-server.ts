// The real start-up path (start.ts, as server.ts runs it), run in a child process by the tests
// beside it, with one route of the test's own in front: /__test/slow sends its first line at
// once and the rest after ?ms=, so a request is in flight when the test signals the process.
import type { RequestListener } from "node:http";
import { buildOrExit, configure, serve } from "../../src/start.js";

const setup = configure(process.env);
const { server, connections } = serve(buildOrExit(setup.config), setup);
const [app] = server.listeners("request") as RequestListener[];
server.removeAllListeners("request");
server.on("request", (req, res) => {
  if (!req.url?.startsWith("/__test/slow")) return app?.(req, res);
  // Counted as a request in progress, as every request the server's own listener admits.
  if (connections.admit(req, res, false) !== "serve") return;
  res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
  res.write("started\n");
  setTimeout(() => res.end("finished\n"), Number(new URL(req.url, "http://x").searchParams.get("ms") ?? 1000));
});
