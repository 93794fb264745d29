// One log line per request: request id, method, path, status and duration. Each line has its
// own level, so LOG_LEVEL=warn still writes failures and aborted requests: info for an answer,
// error for a 5xx, warn for a client that left before its answer was sent.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { PROBES } from "../routes.js";
import { wasCutOff } from "./connections.js";
import { pathOf } from "./request-guards.js";
import { TRUST_NONE, type TrustProxy } from "./trusted-proxy.js";

declare module "node:http" {
  interface IncomingMessage {
    /** Set by the access log for every request; error logs carry it so the two can be joined. */
    id?: string;
  }
}

/** An id from a trusted proxy's X-Request-Id is kept only if it is a plain token. */
const FORWARDED_ID = /^[\w.:-]{1,128}$/;

export interface AccessLog {
  /** Names the request (req.id) and returns when it began. Call first, for every request. */
  begin(req: IncomingMessage): number;
  /** Call once the request has been handed to whatever answers it; logs now or when the response closes. */
  finish(req: IncomingMessage, res: ServerResponse, began: number): void;
}

export function accessLog(logger: Logger, trust: TrustProxy = TRUST_NONE): AccessLog {
  const write = (req: IncomingMessage, res: ServerResponse, began: number) => {
    const entry = {
      reqId: req.id,
      method: req.method,
      path: pathOf(req.url).slice(0, 512),
      status: res.statusCode,
      durationMs: Math.round((performance.now() - began) * 100) / 100,
    };
    if (!res.writableFinished) {
      // Closed by the connection guard, which logs that once for all its requests.
      if (wasCutOff(req.socket)) return;
      logger.warn({ ...entry, aborted: true }, "request aborted before the response was sent");
    } else if (res.statusCode >= 500) logger.error(entry, "request failed");
    else logger.info(entry, "request");
  };
  return {
    begin(req) {
      const forwarded = req.headers["x-request-id"];
      req.id = typeof forwarded === "string" && FORWARDED_ID.test(forwarded) && trust(req.socket.remoteAddress) ? forwarded : randomUUID();
      return performance.now();
    },
    finish(req, res, began) {
      if (PROBES.has(pathOf(req.url))) return; // every balancer asks every few seconds; they would drown the log
      // A prepared page is complete by now; a listener per request would cost more than its line.
      if (res.writableFinished) write(req, res, began);
      else res.once("close", () => write(req, res, began));
    },
  };
}
