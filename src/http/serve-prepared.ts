// Answers a request from the prepared page map. A miss calls next(), so whatever comes
// after (the 404 handler) decides; a hit never touches the file system or a template.
import type { NextFunction, Request, Response } from "express";
import type { PreparedResponse } from "../pages/prepared.js";
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
  res.set(prepared.headers);
  // req.fresh compares If-None-Match with the ETag just set; 304 only for success responses.
  if (prepared.status === 200 && req.fresh) {
    res.removeHeader("Content-Length");
    res.removeHeader("Content-Type");
    res.status(304).end();
    return;
  }
  res.status(prepared.status);
  if (req.method === "HEAD") res.end();
  else res.end(prepared.body);
}
