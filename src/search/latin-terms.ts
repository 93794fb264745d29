// Terms from Latin letters: each word as written (an English word, ISP), and where the letters
// read as pinyin, as those syllables; letters that cannot, also as pinyin initials (fp → 发票),
// or as pinyin with one letter wrong, missing, extra or swapped (fapaio → 发票). English words
// that only hold a sentence together (a, the, how…) match nothing at all.
import {
  initialsAlternative,
  pinyinAlternative,
  soundsLikeAlternative,
  type Term,
  termSize,
  textAlternative,
  WEIGHT,
} from "./alternatives.js";
import { KEY } from "./keys.js";
import { splitPinyin } from "./pinyin.js";
import type { SearchIndex } from "./search-index.js";

type Index = Pick<SearchIndex, "syllables" | "postings">;

/** Bounds the work a single request can cause, whatever was typed. */
const MAX_INITIALS = 12;
/** Pinyin typed with spaces (fa piao) is joined back; this many pieces at most. */
const MAX_PINYIN_PIECES = 8;
/** A typo is looked for only in words this long: shorter ones have too many neighbours. */
const TYPO_MIN = 4;
const TYPO_MAX = 12;

/**
 * English function words: never a topic, so never a term. Some are also pinyin syllables (a 阿,
 * an 安, he 和), which would otherwise find and mark 阿里云 in "can I get a refund".
 */
const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the i me my mine we our us you your it its he she they them this that these those is am are was were be been " +
    "do does did can could will would shall should may might must have has had get got how what when where which who why " +
    "of to for in on at by with from about as into between and or but not no if so any some much many more also than then " +
    "there here please need want like just"
  ).split(" "),
);
/** Function words that are not also pinyin: one of these marks the words around it as English. */
const ENGLISH_ONLY = new Set([...ENGLISH_STOP_WORDS].filter((word) => !/^(?:a|an|e|he|me|wo|ni|ta|men|ma|na|no)$/.test(word)));

/**
 * Latin words in a row are tried as one pinyin phrase first (fa piao), the longest that reads.
 * `syllables` are those the content uses: a syllable nobody wrote cannot match anyway. A run
 * with an English-only function word in it (how, the, I…) is English: its words match as
 * words and synonyms, never as pinyin.
 */
export function latinTerms(words: readonly string[], index: Index): Term[] {
  const { syllables } = index;
  const english = words.some((word) => ENGLISH_ONLY.has(word));
  const terms: Term[] = [];
  let at = 0;
  while (at < words.length) {
    let taken = 1;
    for (let end = Math.min(words.length, at + MAX_PINYIN_PIECES); !english && end > at + 1; end--) {
      if (splitPinyin(words.slice(at, end).map(withoutToneNumbers).join(""), syllables).length > 0) {
        taken = end - at;
        break;
      }
    }
    const piece = words.slice(at, at + taken);
    at += taken;
    if (taken === 1 && ENGLISH_STOP_WORDS.has(piece[0] as string)) continue;
    terms.push(english ? englishTerm(piece[0] as string) : latinTerm(piece, index));
  }
  return terms;
}

function englishTerm(word: string): Term {
  return { text: word, alternatives: [textAlternative(word, WEIGHT.exact)], size: termSize(word) };
}

function latinTerm(words: readonly string[], index: Index): Term {
  const letters = words.map(withoutToneNumbers).join("");
  const splits = splitPinyin(letters, index.syllables);
  const alternatives = [textAlternative(words.join(" "), WEIGHT.exact), ...splits.map(pinyinAlternative)];
  if (splits.length === 0 && words.length === 1 && /^[a-z]+$/.test(letters)) {
    // Only what cannot be read as pinyin is taken for initials: "an" is 安, not a…n….
    if (letters.length >= 2 && letters.length <= MAX_INITIALS) alternatives.push(initialsAlternative(letters));
    alternatives.push(...typoReadings(letters, index).map(soundsLikeAlternative));
  }
  const size = splits[0]?.length ?? termSize(words.join(" "));
  return { text: words.join(" "), alternatives, size };
}

/**
 * Readings of `letters` with one letter wrong, missing, extra or two swapped, as at least two
 * syllables whose every neighbouring pair occurs in the content: the fewest syllables first, a
 * few at most. Each must then match as one whole run of syllables (soundsLikeAlternative),
 * which keeps them precise.
 */
export function typoReadings(letters: string, index: Index): string[][] {
  if (letters.length < TYPO_MIN || letters.length > TYPO_MAX) return [];
  const variants = new Set<string>();
  // The letters before the typo read as pinyin, so it lies within a syllable of the furthest
  // point a reading reaches; edits further on cannot help, and are not tried.
  const last = Math.min(letters.length, furthestReading(letters, index.syllables) + MAX_SYLLABLE);
  for (let i = 0; i <= last; i++) {
    const before = letters.slice(0, i);
    const after = letters.slice(i);
    if (i < letters.length) variants.add(before + after.slice(1));
    if (i + 1 < letters.length) variants.add(before + (after[1] as string) + (after[0] as string) + after.slice(2));
    for (let code = 97; code <= 122; code++) {
      const letter = String.fromCharCode(code);
      variants.add(before + letter + after);
      if (i < letters.length) variants.add(before + letter + after.slice(1));
    }
  }
  variants.delete(letters);
  const readings = new Map<string, string[]>();
  for (const variant of variants) {
    for (const split of splitPinyin(variant, index.syllables)) {
      const occurs = split.slice(1).every((syllable, i) => index.postings.get(`${KEY.syllablePair}${split[i]} ${syllable}`));
      if (split.length >= 2 && occurs) readings.set(split.join(" "), split);
    }
  }
  return [...readings.values()].sort((a, b) => a.length - b.length).slice(0, MAX_TYPO_READINGS);
}
const MAX_TYPO_READINGS = 8;
/** Longest syllable in standard pinyin (zhuang, shuang…). */
const MAX_SYLLABLE = 6;

/** How far into `letters` a reading as syllables gets. */
function furthestReading(letters: string, syllables: ReadonlySet<string>): number {
  const reached = new Uint8Array(letters.length + 1);
  reached[0] = 1;
  let furthest = 0;
  for (let at = 0; at < letters.length; at++) {
    if (reached[at] === 0) continue;
    for (let end = at + 1; end <= Math.min(letters.length, at + MAX_SYLLABLE); end++) {
      if (syllables.has(letters.slice(at, end))) {
        reached[end] = 1;
        furthest = Math.max(furthest, end);
      }
    }
  }
  return furthest;
}

/** Tones typed as numbers after each syllable (fa1piao4) are dropped for reading as pinyin. */
function withoutToneNumbers(word: string): string {
  return /^(?:[a-z]+[1-5])+$/.test(word) ? word.replace(/[1-5]/g, "") : word;
}
