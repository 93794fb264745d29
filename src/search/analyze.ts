// Turns one field of a question (its title or its answer) into the index keys it contains:
// words from Intl.Segmenter, single characters and pairs of characters (so part of a word still
// matches), and the same pairs in pinyin and in pinyin initials.
import { type Folded, fold, isHan } from "./fold.js";
import { pinyinOf } from "./pinyin.js";

/**
 * Key prefixes. A key is the prefix and its text; pairs are written without a separator for
 * characters and initials (发票, fp) and with a space for syllables (fa piao).
 */
export const KEY = {
  word: "w:",
  char: "c:",
  charPair: "b:",
  syllable: "p:",
  syllablePair: "q:",
  initialPair: "i:",
} as const;

export interface AnalyzedField extends Folded {
  /** Syllable of each Chinese character, undefined elsewhere. */
  readonly pinyin: ReadonlyArray<string | undefined>;
  /** Every key in the field and how often it occurs. */
  readonly keys: ReadonlyMap<string, number>;
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

export function analyze(text: string): AnalyzedField {
  const folded = fold(text);
  const { chars } = folded;
  const pinyin = pinyinOf(chars);
  const keys = new Map<string, number>();
  const add = (key: string) => keys.set(key, (keys.get(key) ?? 0) + 1);

  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (!isHan(ch)) continue;
    add(KEY.char + ch);
    const next = chars[i + 1];
    if (next !== undefined && isHan(next)) add(KEY.charPair + ch + next);
    const syllable = pinyin[i];
    if (syllable === undefined) continue;
    add(KEY.syllable + syllable);
    const nextSyllable = pinyin[i + 1];
    if (nextSyllable === undefined) continue;
    add(`${KEY.syllablePair}${syllable} ${nextSyllable}`);
    add(KEY.initialPair + syllable[0] + nextSyllable[0]);
  }

  // Whole words: Latin words and numbers are only matched this way; for Chinese, a query word
  // that is also a whole word here scores a little above one found inside a longer word.
  for (const { segment, isWordLike } of segmenter.segment(chars.join(""))) {
    if (isWordLike && (segment.length > 1 || !isHan(segment))) add(KEY.word + segment);
  }
  return { ...folded, pinyin, keys };
}
