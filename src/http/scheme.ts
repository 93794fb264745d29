// The colour scheme a reader chose in the footer (浅色 / 深色), sent back by the browser in the
// `scheme` cookie that public/scheme.js sets: the server puts it on the page's <html> as
// data-scheme, so the first paint is right with no script in front of it. No cookie, or any
// cookie but exactly one light or dark, is the page as prepared: it follows the system.
import type { IncomingMessage } from "node:http";
import { isHtml, type Prepare, type PreparedResponse } from "../pages/prepared.js";

export type Scheme = "light" | "dark";

/**
 * The scheme a Cookie header chooses. Strict on purpose: the value is only ever compared, never
 * copied into a page, and several `scheme` entries that disagree choose nothing.
 */
export function cookieScheme(header: string | undefined): Scheme | undefined {
  if (header === undefined) return undefined;
  let chosen: Scheme | undefined;
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals === -1 || pair.slice(0, equals).trim() !== "scheme") continue;
    const value = pair.slice(equals + 1).trim();
    if ((value !== "light" && value !== "dark") || (chosen !== undefined && chosen !== value)) return undefined;
    chosen = value;
  }
  return chosen;
}

/** An HTML page with data-scheme on its <html> start tag: what public/scheme.js sets on a click. */
export function withScheme(html: string, scheme: Scheme): string {
  const tag = /<html\b[^>]*/.exec(html);
  if (tag === null) throw new Error("withScheme: the page has no <html> start tag");
  const end = tag.index + tag[0].length;
  return `${html.slice(0, end)} data-scheme="${scheme}"${html.slice(end)}`;
}

/** A page rendered for one request (search results, the owner page), in the scheme its cookie chose. */
export function inRequestScheme(req: IncomingMessage, html: string): string {
  const scheme = cookieScheme(req.headers.cookie);
  return scheme === undefined ? html : withScheme(html, scheme);
}

export interface SchemeVariants {
  /** The page as this request's cookie wants it: itself, or its variant for the chosen scheme. */
  for(req: IncomingMessage, page: PreparedResponse): PreparedResponse;
  /** How many variants have been made so far. */
  readonly made: number;
}

/**
 * Variants of the HTML responses made at start-up, each made the first time a reader with that
 * cookie asks for it, from the page's own bytes by the preparer that made the page (so its
 * compression, ETag and headers are made the same way). Made lazily because all of them at
 * start-up would triple the pages' memory. Per-request pages never come here: they are
 * rendered in the scheme (inRequestScheme).
 */
export function schemeVariants(prepare: Prepare): SchemeVariants {
  // Bounded by construction: keyed by the responses made at start-up (the page map's, the error
  // and feedback pages, the empty search page), at most one variant per scheme each, so known
  // paths × 2. Weak, so the variants of a site `npm run dev` has rebuilt go with it.
  const variants = new WeakMap<PreparedResponse, Partial<Record<Scheme, PreparedResponse>>>();
  let made = 0;
  return {
    for(req, page) {
      // Most requests, and every one the throughput bench sends, stop here.
      const cookie = req.headers.cookie;
      if (cookie === undefined || !isHtml(page)) return page;
      const scheme = cookieScheme(cookie);
      if (scheme === undefined) return page;
      const own = variants.get(page);
      let variant = own?.[scheme];
      if (variant === undefined) {
        variant = prepare(withScheme(page.body.toString("utf8"), scheme), page.options);
        variants.set(page, { ...own, [scheme]: variant });
        made += 1;
      }
      return variant;
    },
    get made() {
      return made;
    },
  };
}
