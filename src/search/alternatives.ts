// The ways one term of a query may match: the index keys it looks up, how many of them a
// field needs, what to mark, and how much a match counts. Query parsing builds these; ranking
// and marking read them.
import { isHan } from "./fold.js";
import { KEY } from "./keys.js";

/** What to mark in a field: a run of characters, of syllables, or of initials. */
export interface Needle {
  readonly channel: "chars" | "pinyin" | "initials";
  readonly seq: readonly string[];
  /** Latin words: only where the run is not part of a longer word (isp in "isps" is not marked). */
  readonly wholeWord: boolean;
}

export interface Alternative {
  /** How much a match this way counts: as written > synonym > pinyin > initials. */
  readonly weight: number;
  /** A field matches when at least minCoverage of these keys occur in it. */
  readonly keys: readonly string[];
  readonly minCoverage: number;
  /** The term as one whole word, worth a little extra where the field has it as a word. */
  readonly wordKey: string | undefined;
  readonly needles: readonly Needle[];
  /** Keys may be scattered over a field; when set, a match also needs a needle as one run. */
  readonly contiguous: boolean;
}

export interface Term {
  /** The term as folded from the query: two terms with the same text count once. */
  readonly text: string;
  readonly alternatives: readonly Alternative[];
  /**
   * How much of the query this term is, for the precision rule (rank.ts): its Chinese
   * characters, or its syllables, or two for each other word (about one Chinese word).
   */
  readonly size: number;
}

/**
 * How much a match counts: as written > synonym > pinyin > a homophone or a pinyin typo >
 * initials, so a reader who typed the word exactly sees it first.
 */
export const WEIGHT = { exact: 1, synonym: 0.9, pinyin: 0.8, soundsLike: 0.7, initials: 0.6 } as const;

/** A term that matches only as written. */
export function textTerm(text: string): Term {
  return { text, alternatives: [textAlternative(text, WEIGHT.exact)], size: termSize(text) };
}

/** A term's size (see Term.size): each Chinese character counts one, each other word two. */
export function termSize(text: string): number {
  let size = 0;
  for (const piece of text.split(/(\p{Script=Han})|\s+/u)) {
    if (piece !== undefined && piece !== "") size += isHan(piece) ? 1 : 2;
  }
  return size;
}

/** Text as written: Chinese runs by characters and pairs of characters, anything else by whole word. */
export function textAlternative(text: string, weight: number): Alternative {
  const keys: string[] = [];
  const needles: Needle[] = [];
  let hasHan = false;
  for (const piece of text.split(/(\p{Script=Han}+)|\s+/u)) {
    if (piece === undefined || piece === "") continue;
    const chars = [...piece];
    if (isHan(chars[0] as string)) {
      hasHan = true;
      if (chars.length === 1) keys.push(KEY.char + piece);
      for (let i = 0; i + 1 < chars.length; i++) keys.push(KEY.charPair + chars[i] + chars[i + 1]);
      needles.push({ channel: "chars", seq: chars, wholeWord: false });
    } else {
      keys.push(KEY.word + piece);
      needles.push({ channel: "chars", seq: chars, wholeWord: true });
    }
  }
  const wholeHan = hasHan && needles.length === 1 && [...text].length > 1;
  // Part of a Chinese word may match (管理局 finds 管理); a Latin word must match whole.
  return {
    weight,
    keys: [...new Set(keys)],
    minCoverage: hasHan ? 0.5 : 1,
    wordKey: wholeHan ? KEY.word + text : undefined,
    needles,
    contiguous: false,
  };
}

/**
 * The syllables as one run, all of them: how a homophone typo (发飘 for 发票) or a pinyin typo
 * (fapaio) matches. Sounds alike are looser than spelling, so nothing less than the whole run counts.
 */
export function soundsLikeAlternative(syllables: readonly string[]): Alternative {
  // Pair keys come only from neighbouring characters, so for two syllables having the key is
  // already having the run, and the slower check of the text is left out.
  return { ...pinyinAlternative(syllables), weight: WEIGHT.soundsLike, minCoverage: 1, contiguous: syllables.length > 2 };
}

export function pinyinAlternative(syllables: readonly string[]): Alternative {
  const keys =
    syllables.length === 1
      ? [KEY.syllable + syllables[0]]
      : syllables.slice(1).map((syllable, i) => `${KEY.syllablePair}${syllables[i]} ${syllable}`);
  return {
    weight: WEIGHT.pinyin,
    keys: [...new Set(keys)],
    minCoverage: 0.5,
    wordKey: undefined,
    needles: [{ channel: "pinyin", seq: syllables, wholeWord: false }],
    contiguous: false,
  };
}

/** Initials are vague (fp is 发票 but also 分配), so they must all be there, in one run. */
export function initialsAlternative(letters: string): Alternative {
  const chars = [...letters];
  return {
    weight: WEIGHT.initials,
    keys: [...new Set(chars.slice(1).map((letter, i) => KEY.initialPair + chars[i] + letter))],
    minCoverage: 1,
    wordKey: undefined,
    needles: [{ channel: "initials", seq: chars, wholeWord: false }],
    contiguous: true,
  };
}
