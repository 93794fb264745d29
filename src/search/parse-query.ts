// Reads what a reader typed into terms, each with the ways it may match: as written, through
// an owner's synonym, as full pinyin or as pinyin initials. Chinese is split into words with
// Intl.Segmenter; Latin letters are tried as English words and as pinyin.

import { foldWord, isHan } from "./fold.js";
import { KEY } from "./keys.js";
import { splitPinyin } from "./pinyin.js";
import type { SearchIndex } from "./search-index.js";

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
  /** The term as folded from the query, for tests and debugging. */
  readonly text: string;
  readonly alternatives: readonly Alternative[];
}

export const WEIGHT = { exact: 1, synonym: 0.9, pinyin: 0.8, initials: 0.6 } as const;

/**
 * Question words and particles: in a query they say nothing about the topic, and left in they
 * would send 如何退款 to the one question whose title has 如何. Used only when a query has
 * nothing else.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  "的 了 吗 呢 吧 啊 呀 么 是 有 和 与 及 或 在 我 我们 你 您 请问 请 如何 怎么 怎样 怎么样 什么 哪些 哪个 哪里 为什么 是否 能否 能不能 可以 可不可以 多少 几 一下".split(
    " ",
  ),
);

/** Bounds the work a single request can cause, whatever was typed. */
const MAX_TERMS = 24;
const MAX_INITIALS = 12;
/** Pinyin typed with spaces (fa piao) is joined back; this many pieces at most. */
const MAX_PINYIN_PIECES = 8;

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

export function parseQuery(query: string, index: SearchIndex): Term[] {
  const text = foldWord(query);
  const terms: Term[] = [];
  const stopped: Term[] = [];
  for (const part of splitOnSynonyms(text, index)) {
    if (part.synonym !== undefined) terms.push(synonymTerm(part.synonym, index));
    else for (const piece of part.text.split(/(\p{Script=Han}+)/u)) addPiece(piece, index, terms, stopped);
  }
  const chosen = terms.length > 0 ? terms : stopped;
  const seen = new Set<string>();
  return chosen.filter((term) => !seen.has(term.text) && seen.add(term.text)).slice(0, MAX_TERMS);
}

type Part = { synonym: string; text?: undefined } | { synonym?: undefined; text: string };

/** Cuts the query around the owner's synonyms (longest first), so 开发票 yields 开 and 发票. */
function splitOnSynonyms(text: string, index: SearchIndex): Part[] {
  const parts: Part[] = [];
  let plain = "";
  let at = 0;
  while (at < text.length) {
    const word = index.synonymWords.find((candidate) => text.startsWith(candidate, at) && onWordBoundary(text, at, candidate.length));
    if (word === undefined) {
      plain += text[at];
      at += 1;
      continue;
    }
    if (plain !== "") parts.push({ text: plain });
    parts.push({ synonym: word });
    plain = "";
    at += word.length;
  }
  if (plain !== "") parts.push({ text: plain });
  return parts;
}

const LATIN = /[\p{L}\p{N}]/u;

/** A Latin synonym (refund) must not be found inside a longer word (refunding). */
function onWordBoundary(text: string, at: number, length: number): boolean {
  const inside = (i: number) => i >= 0 && i < text.length && LATIN.test(text[i] as string) && !isHan(text[i] as string);
  const first = text[at] as string;
  const last = text[at + length - 1] as string;
  return !(inside(at - 1) && !isHan(first)) && !(inside(at + length) && !isHan(last));
}

function addPiece(piece: string, index: SearchIndex, terms: Term[], stopped: Term[]): void {
  if (piece.trim() === "") return;
  if (isHan([...piece][0] as string)) addChinese(piece, terms, stopped);
  else addLatin(piece.trim().split(" "), index, terms);
}

/** Words from the segmenter; single characters it leaves next to each other are one term (开|票 → 开票). */
function addChinese(run: string, terms: Term[], stopped: Term[]): void {
  let singles = "";
  const flush = () => {
    if (singles !== "") terms.push(textTerm(singles));
    singles = "";
  };
  for (const { segment } of segmenter.segment(run)) {
    if (STOP_WORDS.has(segment)) {
      flush();
      stopped.push(textTerm(segment));
    } else if ([...segment].length === 1) {
      singles += segment;
    } else {
      flush();
      terms.push(textTerm(segment));
    }
  }
  flush();
}

/** Latin words in a row are tried as one pinyin phrase first (fa piao), the longest that reads. */
function addLatin(words: readonly string[], index: SearchIndex, terms: Term[]): void {
  let at = 0;
  while (at < words.length) {
    let taken = 1;
    for (let end = Math.min(words.length, at + MAX_PINYIN_PIECES); end > at + 1; end--) {
      if (splitPinyin(words.slice(at, end).map(withoutToneNumbers).join(""), index.syllables).length > 0) {
        taken = end - at;
        break;
      }
    }
    const group = words.slice(at, at + taken);
    terms.push(latinTerm(group, index));
    at += taken;
  }
}

function latinTerm(words: readonly string[], index: SearchIndex): Term {
  const letters = words.map(withoutToneNumbers).join("");
  const splits = splitPinyin(letters, index.syllables);
  const alternatives = [textAlternative(words.join(" "), WEIGHT.exact), ...splits.map(pinyinAlternative)];
  // Only what cannot be read as pinyin is taken for initials: "an" is 安, not a…n….
  if (splits.length === 0 && words.length === 1 && /^[a-z]+$/.test(letters) && letters.length >= 2 && letters.length <= MAX_INITIALS) {
    alternatives.push(initialsAlternative(letters));
  }
  return { text: words.join(" "), alternatives };
}

/** Tones typed as numbers after each syllable (fa1piao4) are dropped for reading as pinyin. */
function withoutToneNumbers(word: string): string {
  return /^(?:[a-z]+[1-5])+$/.test(word) ? word.replace(/[1-5]/g, "") : word;
}

function textTerm(text: string): Term {
  return { text, alternatives: [textAlternative(text, WEIGHT.exact)] };
}

function synonymTerm(word: string, index: SearchIndex): Term {
  const group = index.synonyms.get(word) ?? [word];
  return {
    text: word,
    alternatives: group.map((other) => textAlternative(other, other === word ? WEIGHT.exact : WEIGHT.synonym)),
  };
}

/** Text as written: Chinese runs by characters and pairs of characters, anything else by whole word. */
function textAlternative(text: string, weight: number): Alternative {
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

function pinyinAlternative(syllables: readonly string[]): Alternative {
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
function initialsAlternative(letters: string): Alternative {
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
