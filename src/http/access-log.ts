// One JSON line per request through pino: request id, method, path, status and duration,
// written when the response closes, whether it was sent or the client went away first.
// Lean on purpose: pino-http makes two child loggers per request, which the fast path would feel.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

declare module "node:http" {
  interface IncomingMessage {
    /** Set by accessLog for every request; error logs carry it so the two can be joined. */
    id?: string;
  }
}

/** An id from a load balancer's X-Request-Id is kept only if it is a plain token. */
const FORWARDED_ID = /^[\w.:-]{1,128}$/;
/** Health checks arrive every few seconds from every balancer; they would drown the log. */
const PROBES = new Set(["/healthz", "/readyz"]);

export function accessLog(logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const forwarded = req.headers["x-request-id"];
    req.id = typeof forwarded === "string" && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
    if (!logger.isLevelEnabled("info")) return;
    const start = performance.now();
    res.once("close", () => {
      const path = pathOf(req.url);
      if (PROBES.has(path)) return;
      const entry = {
        reqId: req.id,
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Math.round((performance.now() - start) * 100) / 100,
      };
      if (!res.writableFinished) logger.warn({ ...entry, aborted: true }, "request aborted before the response was sent");
      else if (res.statusCode >= 500) logger.error(entry, "request failed");
      else logger.info(entry, "request");
    });
  };
}

/** The path without the query string, which may hold what a reader typed; bounded for the log. */
export function pathOf(url = ""): string {
  const query = url.indexOf("?");
  return (query === -1 ? url : url.slice(0, query)).slice(0, 512);
}
