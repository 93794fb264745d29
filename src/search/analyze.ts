// Makes one field of a question (its title, summary or answer) ready for the index: folded,
// with the pinyin and initials of each character, kept per question for marking matches later.
// The readings come from pinyin-pro on the server; an exported site's browser hands in the
// readings the export recorded (src/search/serialise.ts), so both index the same syllables.
import { fold } from "./fold.js";
import { pinyinOf } from "./pinyin.js";
import type { AnalyzedField } from "./search-index.js";

export type Readings = (chars: readonly string[]) => Array<string | undefined>;

export function analyze(text: string, readings: Readings = pinyinOf): AnalyzedField {
  const folded = fold(text);
  const pinyin = readings(folded.chars);
  const joined = folded.chars.join("");
  return {
    ...folded,
    pinyin,
    initials: pinyin.map((syllable) => syllable?.[0] ?? "\0").join(""),
    joined: joined.length === folded.chars.length ? joined : undefined,
  };
}
