// Pinyin both ways: the syllable of each Chinese character in a text (pinyin-pro, which reads
// polyphonic characters in context: 银行行长 is yin hang hang zhang), and a typed string such
// as "fapiao" split back into syllables.
import { pinyin } from "pinyin-pro";
import { isHan } from "./fold.js";

const SYLLABLE = /^[a-z]+$/;

/**
 * One entry per folded character: its toneless syllable (ü written v, as phone keyboards
 * type it), or undefined for anything that is not a Chinese character with a known reading.
 */
export function pinyinOf(chars: readonly string[]): Array<string | undefined> {
  // One call for the whole text, so context picks the reading; pinyin-pro returns one array
  // entry per code point, the same units as chars.
  const syllables = pinyin(chars.join(""), { toneType: "none", type: "array", v: true });
  return chars.map((ch, i) => {
    const syllable = syllables[i];
    return isHan(ch) && syllable !== undefined && SYLLABLE.test(syllable) ? intern(syllable) : undefined;
  });
}

// A few hundred syllables stand for hundreds of thousands of characters; one string each.
const interned = new Map<string, string>();
function intern(syllable: string): string {
  const known = interned.get(syllable);
  if (known !== undefined) return known;
  interned.set(syllable, syllable);
  return syllable;
}

/** Longest syllable in standard pinyin (zhuang, shuang…). */
const MAX_SYLLABLE = 6;
/** Enough readings of an ambiguous string (xian: xian or xi'an) without an explosion. */
const MAX_SPLITS = 4;

/**
 * Ways to read `letters` as a run of syllables from `known` (the syllables that occur in the
 * content: a syllable nobody wrote cannot match anyway), fewest syllables first. Empty when
 * the string cannot be read as pinyin at all (isp, invoice).
 */
export function splitPinyin(letters: string, known: ReadonlySet<string>): string[][] {
  const memo = new Map<number, string[][]>();
  const from = (at: number): string[][] => {
    if (at === letters.length) return [[]];
    const cached = memo.get(at);
    if (cached !== undefined) return cached;
    const splits: string[][] = [];
    for (let length = Math.min(MAX_SYLLABLE, letters.length - at); length >= 1 && splits.length < MAX_SPLITS; length--) {
      const syllable = letters.slice(at, at + length);
      if (!known.has(syllable)) continue;
      for (const rest of from(at + length)) {
        splits.push([syllable, ...rest]);
        if (splits.length >= MAX_SPLITS) break;
      }
    }
    memo.set(at, splits);
    return splits;
  };
  return [...from(0)].sort((a, b) => a.length - b.length);
}
