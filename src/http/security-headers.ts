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

/**
 * Features the site never uses, denied to it and to anything it might ever embed. The copy
 * button writes the link to the clipboard, so clipboard-write stays allowed for the page itself.
 */
const PERMISSIONS = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "clipboard-read=()",
  "clipboard-write=(self)",
  "interest-cohort=()",
  "browsing-topics=()",
].join(", ");

export type SecurityConfig = Pick<Config, "publicBaseUrl"> & Partial<Pick<Config, "hstsMaxAge">>;

/** What the pages carry inline: CSP source hashes ("sha256-…") of each <style> element's text. */
export interface InlineSources {
  readonly styleHashes: readonly string[];
}

/**
 * The list for a site served at config.publicBaseUrl whose pages inline the styles named in
 * `inline`. HSTS only over https: RFC 6797 has browsers ignore it over plain HTTP, and a site
 * reached as http://localhost must not pin localhost to https for other programs on the machine.
 */
export function securityHeaders(
  { publicBaseUrl, hstsMaxAge = DEFAULT_HSTS_MAX_AGE }: SecurityConfig,
  inline: InlineSources = { styleHashes: [] },
): HeaderList {
  const headers: HeaderList = [["Content-Security-Policy", cspWith(inline.styleHashes)], ...BASE];
  if (!publicBaseUrl.startsWith("https:") || hstsMaxAge === 0) return headers;
  return [...headers, ["Strict-Transport-Security", `max-age=${hstsMaxAge}; includeSubDomains`]];
}

/** Two years, what the HSTS preload list asks for; config.ts has the same default. */
const DEFAULT_HSTS_MAX_AGE = 63072000;

const BASE: HeaderList = [
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Permissions-Policy", PERMISSIONS],
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  // Kept beside CSP frame-ancestors 'none' for browsers that predate CSP level 2, and saying
  // the same (DENY, not SAMEORIGIN), so the two never disagree.
  ["X-Frame-Options", "DENY"],
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
