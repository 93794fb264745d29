// A response made once: body bytes, their brotli and gzip versions, and every header that
// depends on them, security headers included, laid out as writeHead takes them. Serving one is
// a lookup and one write; nothing about it is computed per request.
import { createHash } from "node:crypto";
import type { HeaderList } from "../http/security-headers.js";
import { compress } from "./compress.js";

/** One set of bytes as sent on the wire, with the headers that describe exactly those bytes. */
export interface Representation {
  readonly body: Buffer;
  /** Content-Type, Content-Length, Cache-Control, ETag, and Content-Encoding and Vary where they apply. */
  readonly headers: Readonly<Record<string, string>>;
  /** writeHead's flat [name, value, …] list for this answer: security headers, then `headers`. */
  readonly head: readonly string[];
  /** The same for a 304: without the headers that describe a body. */
  readonly notModifiedHead: readonly string[];
}

/** The uncompressed representation, plus compressed ones where compressing pays. */
export interface PreparedResponse extends Representation {
  readonly status: number;
  readonly br?: Representation;
  readonly gzip?: Representation;
  /** What it was prepared with, so a variant of it (src/http/scheme.ts) is prepared the same way. */
  readonly options: PrepareOptions;
}

/** HTML and other content pages: cheap to revalidate with the ETag, never stale for long. */
export const REVALIDATE = "public, max-age=0, must-revalidate";
/** Files whose URL contains a hash of their bytes: a change gets a new URL, so cache forever. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Error pages and answers to a query: the same URL may answer differently later. */
export const NO_STORE = "no-store";

export interface PrepareOptions {
  readonly type: string;
  readonly cache: string;
  readonly status?: number;
  /**
   * Compress now (the default, for everything made at start-up). A response made per request
   * (search results) is sent as is: compressing on every request is the work the page map
   * exists to avoid.
   */
  readonly compress?: boolean;
  /** Headers of this response alone, such as X-Robots-Tag on search results. */
  readonly extra?: HeaderList;
}

export type Prepare = (body: string | Buffer, options: PrepareOptions) => PreparedResponse;

/** A prepare function whose responses all carry `security` first (the site's security headers). */
export function preparer(security: HeaderList): Prepare {
  return (body, options) => prepare(body, options, security);
}

function prepare(body: string | Buffer, options: PrepareOptions, security: HeaderList): PreparedResponse {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const { br, gzip } = options.compress === false ? {} : compress(bytes, options.type);
  // Caches must key on Accept-Encoding only when the answer actually depends on it, and on
  // Cookie for every page: its bytes carry the reader's colour scheme (src/http/scheme.ts).
  const vary = [(br !== undefined || gzip !== undefined) && "Accept-Encoding", isHtmlType(options.type) && "Cookie"].filter(Boolean);
  const version = (encoded: Buffer, encoding?: string): Representation => {
    // Strong ETags name exact bytes, so each encoding has its own.
    const notModified: Record<string, string> = { "Cache-Control": options.cache, ETag: `"${contentHash(encoded)}"` };
    if (vary.length > 0) notModified.Vary = vary.join(", ");
    const headers: Record<string, string> = { "Content-Type": options.type, "Content-Length": String(encoded.length), ...notModified };
    if (encoding !== undefined) headers["Content-Encoding"] = encoding;
    const flat = (own: Record<string, string>) => [...security, ...(options.extra ?? []), ...Object.entries(own)].flat();
    return { body: encoded, headers, head: flat(headers), notModifiedHead: flat(notModified) };
  };
  return {
    status: options.status ?? 200,
    ...version(bytes),
    ...(br && { br: version(br, "br") }),
    ...(gzip && { gzip: version(gzip, "gzip") }),
    options,
  };
}

const isHtmlType = (type: string) => type.startsWith("text/html");

/** Whether a response is a page (HTML), as opposed to a file, feed or data. */
export function isHtml(prepared: PreparedResponse): boolean {
  return isHtmlType(prepared.options.type);
}

/** Short, URL-safe digest used for ETags and hashed asset names. */
export function contentHash(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("base64url").slice(0, 16);
}
