// The real entry point, run in a child process by the tests beside it, plus one test-only
// route that answers slowly: it sends its first line at once and the rest after ?ms=.
import { startServer } from "../../src/server.js";

startServer(process.env, {
  testRoutes: (app) =>
    app.get("/__test/slow", (req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
      res.write("started\n");
      setTimeout(() => res.end("finished\n"), Number(req.query.ms ?? 1000));
    }),
});
