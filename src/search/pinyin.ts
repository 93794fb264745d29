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
  // Syllables come with their tone marks; pinyin-pro's own toneType "none" strips them with
  // nine regular expressions per character (a fifth of the index build with 1,000 questions),
  // while there are only about 1,500 marked syllables to strip, each once.
  const syllables = pinyin(chars.join(""), { type: "array" });
  return chars.map((ch, i) => {
    const syllable = syllables[i];
    return isHan(ch) && syllable !== undefined ? plain(syllable) : undefined;
  });
}

// Marked syllable → toneless syllable (ü written v), or undefined where the reading is not
// plain letters (ê). A few hundred syllables stand for hundreds of thousands of characters;
// the map keeps one string for each.
const plainOf = new Map<string, string | undefined>();
function plain(marked: string): string | undefined {
  if (plainOf.has(marked)) return plainOf.get(marked);
  const toneless = marked
    .normalize("NFD")
    .replace(TONE_MARK, "")
    .replace(/u\u0308/g, "v")
    .normalize("NFC");
  const known = SYLLABLE.test(toneless) ? toneless : undefined;
  plainOf.set(marked, known);
  return known;
}

/** The four tone marks: grave, acute, macron, caron. */
const TONE_MARK = /[\u0300\u0301\u0304\u030c]/g;

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
