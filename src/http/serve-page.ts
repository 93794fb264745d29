// Sends a prepared response over node:http: the representation Accept-Encoding asks for, a 304
// when the client already has it, no body for HEAD. servePage is the page-map lookup in front
// of everything else, in the reader's colour scheme; error pages and search results go out
// through sendPrepared too.
import type { IncomingMessage, ServerResponse } from "node:http";
import fresh from "fresh";
import type { PreparedResponse, Representation } from "../pages/prepared.js";
import { negotiate } from "./negotiate.js";
import { MAX_URL_LENGTH, pathOf } from "./request-guards.js";
import type { SchemeVariants } from "./scheme.js";

export type ServePage = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Answers GET and HEAD for a path in the page map and returns true; anything else returns false untouched. */
export function pageServer(pages: ReadonlyMap<string, PreparedResponse>, schemes: SchemeVariants): ServePage {
  return (req, res) => {
    const { method, url = "" } = req;
    if ((method !== "GET" && method !== "HEAD") || url.length > MAX_URL_LENGTH) return false;
    const prepared = pages.get(pathOf(url));
    if (prepared === undefined) return false;
    sendPrepared(req, res, schemes.for(req, prepared));
    return true;
  };
}

export function sendPrepared(req: IncomingMessage, res: ServerResponse, prepared: PreparedResponse): void {
  const representation = negotiate(prepared, req.headers["accept-encoding"]);
  if (isNotModified(req, prepared, representation)) {
    res.writeHead(304, representation.notModifiedHead as string[]);
    res.end();
    return;
  }
  res.writeHead(prepared.status, representation.head as string[]);
  res.end(req.method === "HEAD" ? undefined : representation.body);
}

/** If-None-Match (or If-Modified-Since) says the client has these bytes: only for a success on GET or HEAD. */
function isNotModified({ method, headers }: IncomingMessage, prepared: PreparedResponse, sent: Representation): boolean {
  if (prepared.status !== 200 || (method !== "GET" && method !== "HEAD")) return false;
  if (headers["if-none-match"] === undefined && headers["if-modified-since"] === undefined) return false;
  return fresh(headers, { etag: sent.headers.ETag });
}
