// A response made once at start-up: body bytes, their brotli and gzip versions, and every
// header that depends on them. Serving one is a lookup; nothing about it is computed per request.
import { createHash } from "node:crypto";
import { compress } from "./compress.js";

/** One set of bytes as sent on the wire, with the headers that describe exactly those bytes. */
export interface Representation {
  readonly body: Buffer;
  /** Content-Type, Content-Length, Cache-Control, ETag, and Content-Encoding and Vary where they apply. */
  readonly headers: Readonly<Record<string, string>>;
  /** The headers of a 304 for this representation: the same minus those that describe a body. */
  readonly notModifiedHeaders: Readonly<Record<string, string>>;
}

/** The uncompressed representation, plus compressed ones where compressing pays. */
export interface PreparedResponse extends Representation {
  readonly status: number;
  readonly br?: Representation;
  readonly gzip?: Representation;
}

/** HTML and other content pages: cheap to revalidate with the ETag, never stale for long. */
export const REVALIDATE = "public, max-age=0, must-revalidate";
/** Files whose URL contains a hash of their bytes: a change gets a new URL, so cache forever. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Error pages: the same URL may answer differently once content changes. */
export const NO_STORE = "no-store";

export function prepare(body: string | Buffer, contentType: string, cacheControl: string, status = 200): PreparedResponse {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  return represent(bytes, contentType, cacheControl, status, compress(bytes, contentType));
}

/**
 * For a response made per request (search results): the same headers, but no brotli or gzip
 * versions, because compressing on every request is the work the page map exists to avoid.
 */
export function prepareUncompressed(body: string | Buffer, contentType: string, cacheControl: string, status = 200): PreparedResponse {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  return represent(bytes, contentType, cacheControl, status, {});
}

function represent(
  bytes: Buffer,
  contentType: string,
  cacheControl: string,
  status: number,
  { br, gzip }: { br?: Buffer; gzip?: Buffer },
): PreparedResponse {
  // Caches must key on Accept-Encoding only when the answer actually depends on it.
  const varies = br !== undefined || gzip !== undefined;
  const version = (encoded: Buffer, encoding?: string): Representation => {
    // Strong ETags name exact bytes, so each encoding has its own.
    const notModifiedHeaders: Record<string, string> = { "Cache-Control": cacheControl, ETag: `"${contentHash(encoded)}"` };
    if (varies) notModifiedHeaders.Vary = "Accept-Encoding";
    const headers: Record<string, string> = {
      "Content-Type": contentType,
      "Content-Length": String(encoded.length),
      ...notModifiedHeaders,
    };
    if (encoding !== undefined) headers["Content-Encoding"] = encoding;
    return { body: encoded, headers, notModifiedHeaders };
  };
  return {
    status,
    ...version(bytes),
    ...(br && { br: version(br, "br") }),
    ...(gzip && { gzip: version(gzip, "gzip") }),
  };
}

/** Short, URL-safe digest used for ETags and hashed asset names. */
export function contentHash(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("base64url").slice(0, 16);
}
