// Makes one field of a question (its title, summary or answer) ready for the index: folded,
// with the pinyin and initials of each character, kept per question for marking matches later.
import { fold } from "./fold.js";
import { pinyinOf } from "./pinyin.js";
import type { AnalyzedField } from "./search-index.js";

export function analyze(text: string): AnalyzedField {
  const folded = fold(text);
  const pinyin = pinyinOf(folded.chars);
  const joined = folded.chars.join("");
  return {
    ...folded,
    pinyin,
    initials: pinyin.map((syllable) => syllable?.[0] ?? "\0").join(""),
    joined: joined.length === folded.chars.length ? joined : undefined,
  };
}
