// Brotli and gzip versions of a prepared body, made once when the page is prepared so that
// no request ever waits for a compressor.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * Quality 11 is many times slower than 7 per page, which with 1,000 questions is
 * seconds of start-up; 7 comes out about a tenth larger, and either way a page fits in the
 * first flight of a TCP connection (docs/performance.md, "Pages are compressed once").
 */
export const BROTLI_QUALITY = 7;

/** zlib's default: on pages like ours level 9 is hardly smaller (or not at all) and slower. */
export const GZIP_LEVEL = 6;

/** Media types that compress well; images other than SVG and fonts are already compressed. */
const COMPRESSIBLE = /^(text\/|application\/(xml|json|ld\+json|javascript|manifest\+json)|image\/svg\+xml)/;

/** A variant must save at least this share of the bytes to be worth a Vary header and a cache entry. */
const MIN_SAVING = 0.1;

/**
 * The smallest window (2^bits - 16 bytes) that still reaches back to the start of the body:
 * brotli's default (4 MB) finds no longer matches in a page of tens of kilobytes, setting up its
 * larger tables was about a third of the time each page took to compress, and a reader's
 * browser must set aside the whole window to decode.
 */
function brotliWindow(length: number): number {
  const bits = Math.ceil(Math.log2(length + 16));
  return Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.max(constants.BROTLI_MIN_WINDOW_BITS, bits));
}

export interface Compressed {
  readonly br?: Buffer;
  readonly gzip?: Buffer;
}

export function compress(body: Buffer, contentType: string): Compressed {
  if (!COMPRESSIBLE.test(contentType)) return {};
  // zlib hands back a slice of its output chunk, which is far larger than a compressed page;
  // copying keeps only the bytes, instead of holding every chunk for the process's life.
  const br = Buffer.from(
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_LGWIN]: brotliWindow(body.length),
      },
    }),
  );
  const gzip = Buffer.from(gzipSync(body, { level: GZIP_LEVEL }));
  const pays = (encoded: Buffer) => encoded.length <= body.length * (1 - MIN_SAVING);
  const result: { br?: Buffer; gzip?: Buffer } = {};
  if (pays(br)) result.br = br;
  if (pays(gzip)) result.gzip = gzip;
  return result;
}
