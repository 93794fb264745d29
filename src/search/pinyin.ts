// Pinyin both ways: the syllable of each Chinese character (from a table generated from
// pinyin-pro, char-tables.ts), and a typed string such as "fapiao" split back into syllables.
import { FIRST_CODE, READINGS, SYLLABLES } from "./char-tables.js";
import { isHan } from "./fold.js";

const SYLLABLE_LIST: readonly string[] = ["", ...SYLLABLES.split(" ")];

/**
 * A character's toneless syllable (ü written v, as phone keyboards type it), or undefined for
 * anything that is not a Chinese character with a known reading. Any character, not just those
 * in the content: a reader's typo (退肥) is found by the sound of a character nobody wrote.
 * Polyphonic characters read as their most common reading, the same in the index and in queries.
 */
export function syllableOf(ch: string): string | undefined {
  const at = (ch.codePointAt(0) ?? 0) - FIRST_CODE;
  if (at < 0 || 2 * at >= READINGS.length || ch.length !== 1) return undefined;
  const id = Number.parseInt(READINGS.slice(2 * at, 2 * at + 2), 36);
  return id === 0 ? undefined : SYLLABLE_LIST[id];
}

/** One entry per folded character: its syllable (see syllableOf). */
export function pinyinOf(chars: readonly string[]): Array<string | undefined> {
  return chars.map((ch) => (isHan(ch) ? syllableOf(ch) : undefined));
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
