// Where a needle (a run of characters, syllables or initials) occurs in an analysed field.
// Used to mark matches, and to confirm that initials matched as a run rather than scattered.

import type { Needle } from "./alternatives.js";
import { isHan } from "./fold.js";
import type { AnalyzedField } from "./search-index.js";

/** A stretch of the original text, as UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** At most `limit` occurrences, in order: an answer may hold hundreds of thousands of a common word. */
export function occurrencesOf(field: AnalyzedField, needle: Needle, limit: number): Span[] {
  if (needle.channel === "initials") return runsIn(field, field.initials, needle, limit);
  if (needle.channel === "chars" && field.joined !== undefined) return runsIn(field, field.joined, needle, limit);
  const items = needle.channel === "chars" ? field.chars : field.pinyin;
  const { seq } = needle;
  const spans: Span[] = [];
  for (let i = 0; i + seq.length <= items.length; i++) {
    let same = true;
    for (let j = 0; j < seq.length && same; j++) same = items[i + j] === seq[j];
    if (!same) continue;
    if (needle.wholeWord && (isWordChar(field.chars[i - 1]) || isWordChar(field.chars[i + seq.length]))) continue;
    spans.push({ start: field.start[i] as number, end: field.end[i + seq.length - 1] as number });
    if (spans.length >= limit) break;
  }
  return spans;
}

/**
 * Searches a string with one code unit per character (initials, or the characters themselves
 * when none is outside the BMP): a native substring search, fast enough to run for every
 * candidate question, not just those shown.
 */
function runsIn(field: AnalyzedField, haystack: string, needle: Needle, limit: number): Span[] {
  const run = needle.seq.join("");
  const spans: Span[] = [];
  for (let i = haystack.indexOf(run); i >= 0; i = haystack.indexOf(run, i + 1)) {
    if (needle.wholeWord && (isWordChar(field.chars[i - 1]) || isWordChar(field.chars[i + needle.seq.length]))) continue;
    spans.push({ start: field.start[i] as number, end: field.end[i + needle.seq.length - 1] as number });
    if (spans.length >= limit) break;
  }
  return spans;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch) && !isHan(ch);
}
