// A response made once at start-up: body bytes plus every header that depends on them.
// Serving one is a lookup; nothing about it is computed per request.
import { createHash } from "node:crypto";

export interface PreparedResponse {
  readonly status: number;
  readonly body: Buffer;
  /** Content-Type, Cache-Control, ETag and Content-Length, in the form sent on the wire. */
  readonly headers: Readonly<Record<string, string>>;
}

/** HTML and other content pages: cheap to revalidate with the ETag, never stale for long. */
export const REVALIDATE = "public, max-age=0, must-revalidate";
/** Files whose URL contains a hash of their bytes: a change gets a new URL, so cache forever. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Error pages: the same URL may answer differently once content changes. */
export const NO_STORE = "no-store";

export function prepare(body: string | Buffer, contentType: string, cacheControl: string, status = 200): PreparedResponse {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  return {
    status,
    body: bytes,
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      "Cache-Control": cacheControl,
      ETag: `"${contentHash(bytes)}"`,
    },
  };
}

/** Short, URL-safe digest used for ETags and hashed asset names. */
export function contentHash(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("base64url").slice(0, 16);
}
