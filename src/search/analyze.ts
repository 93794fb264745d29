// One field of a question (its title, summary or answer) made ready for the index: folded,
// with the pinyin and initials of each character. Also names the kinds of index key.
import { type Folded, fold } from "./fold.js";
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
  /**
   * First letter of each syllable, one code unit per character ("\0" where there is none), so
   * checking that initials occur as one run is a native substring search.
   */
  readonly initials: string;
  /** The characters as one string when each is one code unit (no emoji…), for fast searching. */
  readonly joined: string | undefined;
}

/** Folds a field and reads its pinyin; kept per question for marking matches later. */
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
