// One JSON line per request: request id, method, path, status and duration. A response that is
// already complete when the handler returns (every prepared page, most Express answers) is
// logged at once; any other when it closes, whether it was sent or the client went away first.
// Lean on purpose: pino-http makes two child loggers per request, which the fast path would feel.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Log } from "../log.js";

declare module "node:http" {
  interface IncomingMessage {
    /** Set by AccessLog.begin for every request; error logs carry it so the two can be joined. */
    id?: string;
  }
}

/** An id from a load balancer's X-Request-Id is kept only if it is a plain token. */
const FORWARDED_ID = /^[\w.:-]{1,128}$/;
/** Health checks arrive every few seconds from every balancer; they would drown the log. */
const PROBES = new Set(["/healthz", "/readyz"]);

export interface AccessLog {
  /** Names the request (req.id) and returns when it began. Call first, for every request. */
  begin(req: IncomingMessage): number;
  /** Call once the request has been handed to whatever answers it. */
  finish(req: IncomingMessage, res: ServerResponse, began: number): void;
}

export function accessLog({ logger, request }: Log): AccessLog {
  const write = (req: IncomingMessage, res: ServerResponse, began: number) => {
    const path = pathOf(req.url);
    if (PROBES.has(path)) return;
    const entry = {
      reqId: req.id ?? "",
      method: req.method ?? "",
      path,
      status: res.statusCode,
      durationMs: Math.round((performance.now() - began) * 100) / 100,
    };
    if (!res.writableFinished) logger.warn({ ...entry, aborted: true }, "request aborted before the response was sent");
    else if (res.statusCode >= 500) logger.error(entry, "request failed");
    else request(entry);
  };
  return {
    begin(req) {
      const forwarded = req.headers["x-request-id"];
      req.id = typeof forwarded === "string" && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
      return performance.now();
    },
    finish(req, res, began) {
      if (!logger.isLevelEnabled("info")) return;
      // Finished means every byte is with the kernel; a listener per request would cost more than the line.
      if (res.writableFinished) write(req, res, began);
      else res.once("close", () => write(req, res, began));
    },
  };
}

/** The path without the query string, which may hold what a reader typed; bounded for the log. */
export function pathOf(url = ""): string {
  const query = url.indexOf("?");
  return (query === -1 ? url : url.slice(0, query)).slice(0, 512);
}
