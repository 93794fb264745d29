// Answers GET and HEAD for prepared pages straight from node:http, in front of Express, whose
// per-request machinery costs most of the throughput (README, Performance). Every header list
// is flattened once here, so a hit is a map lookup and one write. Anything else returns false.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PreparedResponse, Representation } from "../pages/prepared.js";
import { negotiate } from "./negotiate.js";
import { MAX_URL_LENGTH } from "./request-guards.js";
import { isNotModified } from "./serve-prepared.js";

/** writeHead's flat [name, value, name, value, …] form, which Node sends without building a header object. */
type RawHeaders = string[];

export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

export function fastPath(
  pages: ReadonlyMap<string, PreparedResponse>,
  securityHeaders: ReadonlyArray<readonly [string, string]>,
): FastPath {
  // Security headers first, as helmet sets them first on the Express path.
  const flatten = (headers: Readonly<Record<string, string>>): RawHeaders => [...securityHeaders, ...Object.entries(headers)].flat();
  const raw = new Map<Representation, { ok: RawHeaders; notModified: RawHeaders }>();
  for (const prepared of pages.values()) {
    for (const representation of [prepared, prepared.br, prepared.gzip]) {
      if (representation === undefined) continue;
      raw.set(representation, { ok: flatten(representation.headers), notModified: flatten(representation.notModifiedHeaders) });
    }
  }

  return (req, res) => {
    const { method, url = "" } = req;
    if ((method !== "GET" && method !== "HEAD") || url.length > MAX_URL_LENGTH) return false;
    // Express reads the path the same way: everything before the query string.
    const query = url.indexOf("?");
    const prepared = pages.get(query === -1 ? url : url.slice(0, query));
    if (prepared === undefined) return false;
    const representation = negotiate(prepared, req.headers["accept-encoding"]);
    const headers = raw.get(representation);
    if (headers === undefined) return false; // not reachable: every representation was flattened above
    if (isNotModified(method, req.headers, prepared, representation)) {
      res.writeHead(304, headers.notModified);
      res.end();
    } else {
      res.writeHead(prepared.status, headers.ok);
      res.end(method === "HEAD" ? undefined : representation.body);
    }
    return true;
  };
}
