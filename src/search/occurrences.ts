// Where a needle (a run of characters, syllables or initials) occurs in an analysed field.
// Used to mark matches, and to confirm that initials matched as a run rather than scattered.
import type { AnalyzedField } from "./analyze.js";
import { isHan } from "./fold.js";
import type { Needle } from "./parse-query.js";

/** A stretch of the original text, as UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

export function occurrencesOf(field: AnalyzedField, needle: Needle, first = false): Span[] {
  const items = channel(field, needle.channel);
  const { seq } = needle;
  const spans: Span[] = [];
  for (let i = 0; i + seq.length <= items.length; i++) {
    let same = true;
    for (let j = 0; j < seq.length && same; j++) same = items[i + j] === seq[j];
    if (!same) continue;
    if (needle.wholeWord && (isWordChar(field.chars[i - 1]) || isWordChar(field.chars[i + seq.length]))) continue;
    spans.push({ start: field.start[i] as number, end: field.end[i + seq.length - 1] as number });
    if (first) break;
  }
  return spans;
}

function channel(field: AnalyzedField, name: Needle["channel"]): ReadonlyArray<string | undefined> {
  if (name === "chars") return field.chars;
  if (name === "pinyin") return field.pinyin;
  return field.pinyin.map((syllable) => syllable?.[0]);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch) && !isHan(ch);
}
