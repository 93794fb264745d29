// createServerHandler: the request listener that server.ts, dev.ts and the tests all run.
// Access log first, then the fast path for prepared pages, then the Express app for the rest;
// both answer a page with the same headers and bytes (test/http/fast-path.test.ts).
import type { RequestListener } from "node:http";
import type { Express, Request } from "express";
import { type AppOptions, createApp } from "./app.js";
import { accessLog, pathOf } from "./http/access-log.js";
import { fastPath } from "./http/fast-path.js";
import { helmetHeaders } from "./http/security-headers.js";
import type { Log } from "./log.js";
import { buildPages, DEFAULT_DIRS } from "./pages/build-pages.js";
import type { PreparedResponse } from "./pages/prepared.js";

export interface ServerHandlerOptions extends Omit<AppOptions, "built" | "isReady"> {
  log: Log;
}

export interface ServerHandler {
  /** Hand this to http.createServer. */
  readonly handle: RequestListener;
  /** The Express app alone, which answers whatever the fast path does not; tests compare the two. */
  readonly app: Express;
  /** Every prepared URL and its response, as built at start-up. */
  readonly pages: ReadonlyMap<string, PreparedResponse>;
  /** Starts shutting down: /readyz answers 503 and every response asks the client to close its connection. */
  drain(): void;
}

export function createServerHandler({ log, logError, ...options }: ServerHandlerOptions): ServerHandler {
  const built = buildPages(options.site, options.config, options.dirs ?? DEFAULT_DIRS);
  let draining = false;
  const app = createApp({
    ...options,
    built,
    isReady: () => !draining,
    logError:
      logError ??
      ((error: unknown, req: Request) =>
        log.logger.error({ err: error, reqId: req.id, method: req.method, path: pathOf(req.originalUrl) }, "unexpected error")),
  });
  const fast = fastPath(built.pages, helmetHeaders());
  const access = accessLog(log);
  const handle: RequestListener = (req, res) => {
    const began = access.begin(req);
    // Node then closes each connection after its response, so keep-alive clients reconnect elsewhere.
    if (draining) res.setHeader("Connection", "close");
    let answered = false;
    try {
      answered = fast(req, res);
    } catch (error) {
      // A bug here must not take the process down: Express answers instead, and reports its own failure.
      log.logger.error({ err: error, reqId: req.id }, "fast path failed; handing the request to Express");
    }
    if (!answered) app(req, res);
    access.finish(req, res, began);
  };
  return {
    handle,
    app,
    pages: built.pages,
    drain: () => {
      draining = true;
    },
  };
}
