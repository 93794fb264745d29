// Folds text into the one form both the index and queries use: full-width to half-width (NFKC),
// lower case, traditional to simplified characters, control characters dropped. It works one
// character at a time and remembers where each came from, so a match can be marked as written.
import { SIMPLIFIED, TRADITIONAL } from "./char-tables.js";

/** Text after folding, one entry per code point, each knowing its span in the original. */
export interface Folded {
  readonly chars: readonly string[];
  /** UTF-16 offset in the original where the character that produced chars[i] starts… */
  readonly start: Uint32Array;
  /** …and where it ends. */
  readonly end: Uint32Array;
}

// Character by character (not OpenCC's phrase mode): the mapping stays one-to-one, so offsets
// hold, and for search a character-level mapping is all a reader typing 發票 needs. The table
// (char-tables.ts) is OpenCC's own traditional standard, not the Taiwan variant table, which
// also turns the simplified 么 into 幺. Built on first use: a few thousand entries.
let simplifiedOf: Map<string, string> | undefined;
function toSimplified(ch: string): string {
  if (simplifiedOf === undefined) {
    // By code point: a few simplified forms lie outside the BMP.
    const to = [...SIMPLIFIED];
    simplifiedOf = new Map([...TRADITIONAL].map((from, i) => [from, to[i] as string]));
  }
  return simplifiedOf.get(ch) ?? ch;
}

const HAN = /^\p{Script=Han}$/u;
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]$/u;
const SPACE = /^\s$/u;
/** A combining mark on its own: a tone typed as a separate character after its vowel. */
const MARK = /^\p{M}$/u;
const ACCENTED_LATIN = /^[a-z]\p{M}+$/u;

// Folding is per character and the same character always folds the same way; the cache is
// capped because queries may bring any characters at all.
const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

export function foldChar(ch: string): string {
  const known = cache.get(ch);
  if (known !== undefined) return known;
  let folded: string;
  if (SPACE.test(ch)) folded = " ";
  else if (INVISIBLE.test(ch) || MARK.test(ch)) folded = "";
  else {
    folded = ch.normalize("NFKC").toLowerCase();
    if (HAN.test(folded)) folded = toSimplified(folded);
    else if (folded > "\u007f") folded = withoutTone(folded);
  }
  if (cache.size < CACHE_LIMIT) cache.set(ch, folded);
  return folded;
}

/**
 * Pinyin typed with tone marks (fā, piào) reads as plain letters; ü (lǚ) as v, as the index
 * and phone keyboards write it. Other accented Latin letters lose their accents too.
 */
function withoutTone(ch: string): string {
  const parts = ch.normalize("NFD");
  if (!ACCENTED_LATIN.test(parts)) return ch;
  return parts.startsWith("u\u0308") ? "v" : (parts[0] as string);
}

export function fold(text: string): Folded {
  const chars: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const next = offset + ch.length;
    const folded = foldChar(ch);
    // Nearly every character folds to one; only NFKC expansions (①, ㎡) need splitting.
    if (folded.length === 1) {
      chars.push(folded);
      start.push(offset);
      end.push(next);
    } else {
      for (const out of folded) {
        chars.push(out);
        start.push(offset);
        end.push(next);
      }
    }
    offset = next;
  }
  // Typed arrays: offsets kept for every answer take less than half the memory of plain arrays.
  return { chars, start: Uint32Array.from(start), end: Uint32Array.from(end) };
}

/** The folded text as a plain string, for queries and synonym lists where offsets do not matter. */
export function foldString(text: string): string {
  let out = "";
  for (const ch of text) out += foldChar(ch);
  return out;
}

/**
 * A word as search compares it: folded, punctuation as single spaces. The query parser, the
 * synonym map and the synonyms file's check all use this, so they cannot disagree.
 */
export function foldWord(text: string): string {
  return foldString(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function isHan(ch: string): boolean {
  // Most characters asked about are common ideographs or ASCII; the regular expression settles the rest.
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x4e00 && code <= 0x9fff) return ch.length === 1;
  if (code < 0x2e80) return false;
  return HAN.test(ch);
}
