import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { IMMUTABLE, preparer, REVALIDATE } from "../../../src/pages/prepared.js";

const SECURITY_HEADERS = [["X-Content-Type-Options", "nosniff"]] as const;
const prepare = preparer(SECURITY_HEADERS);

const HTML = "text/html; charset=utf-8";
const page = `<!doctype html><html lang="zh-CN"><body>${"<p>ISP经营许可证咨询服务如何获取发票？</p>\n".repeat(40)}</body></html>`;

describe("prepare", () => {
  it("makes brotli and gzip versions of a page that decompress to the very same bytes", () => {
    const prepared = prepare(page, { type: HTML, cache: REVALIDATE });
    expect(prepared.br && brotliDecompressSync(prepared.br.body).equals(prepared.body)).toBe(true);
    expect(prepared.gzip && gunzipSync(prepared.gzip.body).equals(prepared.body)).toBe(true);
    expect(prepared.br?.headers["Content-Encoding"]).toBe("br");
    expect(prepared.gzip?.headers["Content-Encoding"]).toBe("gzip");
    expect(prepared.headers["Content-Encoding"]).toBeUndefined();
  });

  it("describes each version's own bytes: length, and a strong ETag per encoding", () => {
    const prepared = prepare(page, { type: HTML, cache: REVALIDATE });
    const versions = [prepared, prepared.br, prepared.gzip].map((version) => version as NonNullable<typeof version>);
    for (const version of versions) {
      expect(version.headers["Content-Length"]).toBe(String(version.body.length));
      expect(version.headers.ETag).toMatch(/^"[\w-]{16}"$/);
      expect(version.headers.Vary).toBe("Accept-Encoding, Cookie");
      expect(version.headers["Cache-Control"]).toBe(REVALIDATE);
      expect(version.headers["Content-Type"]).toBe(HTML);
    }
    expect(new Set(versions.map((version) => version.headers.ETag)).size).toBe(3);
  });

  it("sizes brotli's window to the body, so a reader's browser needs no 4 MB window to decode a page", () => {
    const small = prepare(page, { type: HTML, cache: REVALIDATE });
    const large = prepare(page.repeat(40), { type: HTML, cache: REVALIDATE });
    // The smallest power of two that holds the body (the window is 2^WBITS - 16 bytes).
    expect(2 ** brotliWindowBits(small.br?.body) - 16).toBeGreaterThanOrEqual(small.body.length);
    expect(2 ** (brotliWindowBits(small.br?.body) - 1) - 16).toBeLessThan(small.body.length);
    expect(brotliWindowBits(large.br?.body)).toBe(Math.ceil(Math.log2(large.body.length + 16)));
    expect(brotliDecompressSync(large.br?.body ?? Buffer.alloc(0)).equals(large.body)).toBe(true);
  });

  it("keeps only the compressed bytes, not zlib's 16 KB output chunk", () => {
    const { br, gzip } = prepare(page, { type: HTML, cache: REVALIDATE });
    expect(br?.body.buffer.byteLength).toBeLessThan(16 * 1024);
    expect(gzip?.body.buffer.byteLength).toBeLessThan(16 * 1024);
  });

  it("leaves out of a 304 the headers that describe a body", () => {
    const { br } = prepare(page, { type: HTML, cache: REVALIDATE });
    expect(br?.notModifiedHead).toEqual([
      ...SECURITY_HEADERS.flat(),
      "Cache-Control",
      REVALIDATE,
      "ETag",
      br?.headers.ETag,
      "Vary",
      "Accept-Encoding, Cookie",
    ]);
  });

  it("does not compress what would not shrink, and then does not Vary on Accept-Encoding", () => {
    const tiny = prepare("User-agent: *\n", { type: "text/plain; charset=utf-8", cache: REVALIDATE });
    expect(tiny.br).toBeUndefined();
    expect(tiny.gzip).toBeUndefined();
    expect(tiny.headers.Vary).toBeUndefined();
    const png = prepare(Buffer.alloc(4096), { type: "image/png", cache: IMMUTABLE });
    expect(png.br).toBeUndefined();
    expect(png.headers.Vary).toBeUndefined();
    // A page's bytes still depend on the reader's colour-scheme cookie (src/http/scheme.ts).
    const small = prepare("<html>", { type: HTML, cache: REVALIDATE });
    expect(small.br).toBeUndefined();
    expect(small.headers.Vary).toBe("Cookie");
  });

  it("lays every header out once for writeHead: security headers, then the response's own", () => {
    const { gzip } = prepare(page, { type: HTML, cache: REVALIDATE, extra: [["X-Robots-Tag", "noindex"]] });
    expect(gzip?.head).toEqual([...SECURITY_HEADERS.flat(), "X-Robots-Tag", "noindex", ...Object.entries(gzip?.headers ?? {}).flat()]);
  });

  it("does no compression for a response made per request, and then Varies on Cookie alone", () => {
    const once = prepare(page, { type: HTML, cache: REVALIDATE });
    const perRequest = prepare(page, { type: HTML, cache: REVALIDATE, compress: false });
    expect(perRequest.br).toBeUndefined();
    expect(perRequest.gzip).toBeUndefined();
    expect(perRequest.headers).toEqual({ ...once.headers, Vary: "Cookie" });
  });

  it("keeps what it was prepared with, so a variant is prepared the same way", () => {
    const options = { type: HTML, cache: REVALIDATE, status: 404, extra: [["X-Robots-Tag", "noindex"]] as const };
    expect(prepare(page, options).options).toBe(options);
  });
});

/** WBITS from a brotli stream's first bits (RFC 7932, section 9.1; bits are read from the lowest). */
function brotliWindowBits(stream: Buffer | undefined): number {
  if (stream === undefined) throw new Error("no brotli version");
  const bits = stream[0] ?? 0;
  if ((bits & 1) === 0) return 16;
  const n = (bits >> 1) & 0b111;
  if (n !== 0) return 17 + n;
  const m = (bits >> 4) & 0b111;
  return m === 0 ? 17 : 8 + m;
}
