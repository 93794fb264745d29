// Answers a request from the prepared page map inside Express. A miss calls next(), so whatever
// comes after (the 404 handler) decides; a hit never touches the file system or a template.
// The fast path (fast-path.ts) answers most hits before Express; this is the same answer.
import type { IncomingHttpHeaders } from "node:http";
import type { NextFunction, Request, Response } from "express";
import fresh from "fresh";
import type { PreparedResponse, Representation } from "../pages/prepared.js";
import { negotiate } from "./negotiate.js";
import { httpError } from "./request-guards.js";

export function servePrepared(pages: ReadonlyMap<string, PreparedResponse>) {
  return (req: Request, res: Response, next: NextFunction) => {
    const prepared = pages.get(req.path);
    if (prepared === undefined) return next();
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return next(httpError(405, `${req.method} is not allowed on ${req.path}`));
    }
    send(req, res, prepared);
  };
}

export function send(req: Request, res: Response, prepared: PreparedResponse): void {
  const representation = negotiate(prepared, req.headers["accept-encoding"]);
  if (isNotModified(req.method, req.headers, prepared, representation)) {
    res.set(representation.notModifiedHeaders);
    res.status(304).end();
    return;
  }
  res.set(representation.headers);
  res.status(prepared.status);
  if (req.method === "HEAD") res.end();
  else res.end(representation.body);
}

/** If-None-Match (or If-Modified-Since) says the client has these bytes: only for a success on GET or HEAD. */
export function isNotModified(
  method: string | undefined,
  headers: IncomingHttpHeaders,
  prepared: PreparedResponse,
  sent: Representation,
): boolean {
  if (prepared.status !== 200 || (method !== "GET" && method !== "HEAD")) return false;
  if (headers["if-none-match"] === undefined && headers["if-modified-since"] === undefined) return false;
  return fresh(headers, { etag: sent.headers.ETag });
}
