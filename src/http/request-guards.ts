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

/** The path without the query string, as Express reads it; bounded for lookups and the log. */
export function pathOf(url = ""): string {
  const query = url.indexOf("?");
  return (query === -1 ? url : url.slice(0, query)).slice(0, MAX_URL_LENGTH);
}
