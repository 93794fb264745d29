// Checks on the URL itself, before any lookup: too long, or not decodable. Both are the
// client's mistake and get a 4xx page rather than reaching anything that might choke on them.
import type { NextFunction, Request, Response } from "express";

/** Far longer than any URL this site makes; the limit keeps lookups and logs bounded. */
export const MAX_URL_LENGTH = 2048;

export function requestGuards(req: Request, _res: Response, next: NextFunction) {
  if (req.originalUrl.length > MAX_URL_LENGTH) return next(httpError(414, "URL too long"));
  try {
    decodeURIComponent(req.path);
  } catch {
    return next(httpError(400, "Malformed percent-encoding in URL"));
  }
  next();
}

/** An error that carries the status to answer with, as Express's own errors do. */
export function httpError(status: number, message: string): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}

/**
 * The path without the query string or a fragment, as Express reads it (parseurl), so the page
 * map and Express agree on what a request names; bounded for lookups and the log. A proxy may
 * send the absolute form (GET http://host/path, RFC 9112 §3.2.2): its path starts after the host.
 */
export function pathOf(url = ""): string {
  const start = url.startsWith("/") ? 0 : (ABSOLUTE_FORM.exec(url)?.[0].length ?? 0);
  let end = url.indexOf("?", start);
  const hash = url.indexOf("#", start);
  if (end === -1 || (hash !== -1 && hash < end)) end = hash;
  const path = url.slice(start, end === -1 ? undefined : end);
  return (start > 0 && path === "" ? "/" : path).slice(0, MAX_URL_LENGTH);
}

const ABSOLUTE_FORM = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i;
