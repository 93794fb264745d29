// The security headers every response carries, made once per built site: prepared pages carry
// the list in their own header list, and Express responses get it from one middleware.
// The CSP allows our own files only: no inline script, and no inline style but the one
// stylesheet each page carries in its <head>, named by its hash, so content that slipped past
// escaping still could not run or restyle the page.
import type { NextFunction, Request, Response } from "express";
import type { Config } from "../config.js";

const cspWith = (styleHashes: readonly string[]) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes.map((hash) => `'${hash}'`)].join(" "),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join(";");

export type HeaderList = ReadonlyArray<readonly [string, string]>;

/** What the pages carry inline: CSP source hashes ("sha256-…") of each <style> element's text. */
export interface InlineSources {
  readonly styleHashes: readonly string[];
}

/** The list for a site served at config.publicBaseUrl whose pages inline the styles named in `inline`. */
export function securityHeaders(_config: Pick<Config, "publicBaseUrl">, inline: InlineSources = { styleHashes: [] }): HeaderList {
  return [["Content-Security-Policy", cspWith(inline.styleHashes)], ...BASE];
}

const BASE: HeaderList = [
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Strict-Transport-Security", "max-age=31536000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  // The legacy XSS auditor did more harm than good; 0 turns it off in browsers that still have it.
  ["X-XSS-Protection", "0"],
];

/** For whatever Express answers itself (health probes, redirects): the same list. */
export function setSecurityHeaders(headers: HeaderList) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
