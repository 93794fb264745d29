// The inverted index: key → the questions containing it, and how often. The rest of the code
// names keys as strings ("b:发票", "q:fa piao"); inside, characters and syllables are numbered,
// so building the index looks numbers up in maps instead of making and hashing millions of strings.
import { type AnalyzedField, KEY } from "./analyze.js";
import { isHan } from "./fold.js";

/** The questions containing one key, in index order, with how often it occurs in each. */
export interface Posting {
  readonly docs: Int32Array;
  readonly inTitle: Uint16Array;
  /** Answer and summary together: both are "the body" for ranking. */
  readonly inBody: Uint16Array;
}

/** A posting while the index is built; sealed into typed arrays, a third of the memory. */
interface Draft {
  docs: number[];
  inTitle: number[];
  inBody: number[];
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
/** What Intl.Segmenter would call a word outside Chinese text: letters and digits, not Han. */
const LATIN_WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
/** Pair numbers: id × SPAN + id stays exact for any id a corpus can have (far below 2^26). */
const SPAN = 2 ** 26;

export class Postings {
  private readonly charIds = new Map<string, number>();
  private readonly syllableIds = new Map<string, number>();
  private readonly chars = new Map<number, Draft | Posting>();
  private readonly charPairs = new Map<number, Draft | Posting>();
  private readonly syllables = new Map<number, Draft | Posting>();
  private readonly syllablePairs = new Map<number, Draft | Posting>();
  private readonly initialPairs = new Map<number, Draft | Posting>();
  private readonly words = new Map<string, Draft | Posting>();
  private sealed = false;

  /** How many distinct keys the index holds. */
  get size(): number {
    return this.chars.size + this.charPairs.size + this.syllables.size + this.syllablePairs.size + this.initialPairs.size + this.words.size;
  }

  /** Syllables that occur in the content. */
  syllableSet(): ReadonlySet<string> {
    return new Set(this.syllableIds.keys());
  }

  /**
   * Adds every key of a field: characters and pairs of characters, syllables and pairs of
   * them, pairs of initials, and whole words (the only way Latin words and numbers match; for
   * Chinese, a query word that is a whole word here scores a little more). Words come from
   * Intl.Segmenter when `segmentWords` is set; otherwise only Latin words and numbers are taken,
   * by a regular expression: segmenting every answer was a sixth of the build time, and the
   * whole-word bonus matters most in titles. Fields must be added question by question, in order.
   */
  add(field: AnalyzedField, doc: number, inTitle: boolean, segmentWords: boolean): void {
    if (this.sealed) throw new Error("Postings.add after seal()");
    const { chars, pinyin } = field;
    let previousChar = -1;
    let previousSyllable = -1;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      const syllable = pinyin[i];
      if (!isHan(ch)) {
        previousChar = -1;
        previousSyllable = -1;
        continue;
      }
      const charId = idOf(this.charIds, ch);
      count(this.chars, charId, doc, inTitle);
      if (previousChar >= 0) count(this.charPairs, previousChar * SPAN + charId, doc, inTitle);
      previousChar = charId;
      if (syllable === undefined) {
        previousSyllable = -1;
        continue;
      }
      const syllableId = idOf(this.syllableIds, syllable);
      count(this.syllables, syllableId, doc, inTitle);
      if (previousSyllable >= 0) {
        count(this.syllablePairs, previousSyllable * SPAN + syllableId, doc, inTitle);
        count(this.initialPairs, field.initials.charCodeAt(i - 1) * 256 + field.initials.charCodeAt(i), doc, inTitle);
      }
      previousSyllable = syllableId;
    }
    const text = field.joined ?? chars.join("");
    if (segmentWords) {
      for (const { segment, isWordLike } of segmenter.segment(text)) {
        if (isWordLike && (segment.length > 1 || !isHan(segment))) count(this.words, segment, doc, inTitle);
      }
    } else {
      for (const [word] of text.matchAll(LATIN_WORD)) count(this.words, word, doc, inTitle);
    }
  }

  /** Ends building: every posting becomes typed arrays. Lookups work only after this. */
  seal(): void {
    for (const map of [this.chars, this.charPairs, this.syllables, this.syllablePairs, this.initialPairs, this.words] as Array<
      Map<unknown, Draft | Posting>
    >) {
      for (const [key, draft] of map) {
        map.set(key, {
          docs: Int32Array.from(draft.docs),
          inTitle: Uint16Array.from(draft.inTitle),
          inBody: Uint16Array.from(draft.inBody),
        });
      }
    }
    this.sealed = true;
  }

  get(key: string): Posting | undefined {
    if (!this.sealed) throw new Error("Postings.get before seal()");
    return this.lookup(key) as Posting | undefined;
  }

  private lookup(key: string): Draft | Posting | undefined {
    const text = key.slice(KEY.word.length);
    switch (key.slice(0, KEY.word.length)) {
      case KEY.word:
        return this.words.get(text);
      case KEY.char:
        return this.chars.get(this.charIds.get(text) ?? -1);
      case KEY.charPair: {
        const [a, b] = [...text].map((ch) => this.charIds.get(ch) ?? -1);
        return a === undefined || b === undefined || a < 0 || b < 0 ? undefined : this.charPairs.get(a * SPAN + b);
      }
      case KEY.syllable:
        return this.syllables.get(this.syllableIds.get(text) ?? -1);
      case KEY.syllablePair: {
        const [a, b] = text.split(" ").map((syllable) => this.syllableIds.get(syllable) ?? -1);
        return a === undefined || b === undefined || a < 0 || b < 0 ? undefined : this.syllablePairs.get(a * SPAN + b);
      }
      case KEY.initialPair:
        return text.length === 2 ? this.initialPairs.get(text.charCodeAt(0) * 256 + text.charCodeAt(1)) : undefined;
      default:
        return undefined;
    }
  }
}

function idOf(ids: Map<string, number>, text: string): number {
  let id = ids.get(text);
  if (id === undefined) {
    id = ids.size;
    ids.set(text, id);
  }
  return id;
}

function count<K>(map: Map<K, Draft | Posting>, key: K, doc: number, inTitle: boolean): void {
  let posting = map.get(key) as Draft | undefined;
  if (posting === undefined) {
    posting = { docs: [], inTitle: [], inBody: [] };
    map.set(key, posting);
  }
  // Questions are added in order, so this question's entry, if any, is the last one.
  let at = posting.docs.length - 1;
  if (posting.docs[at] !== doc) {
    at = posting.docs.push(doc) - 1;
    posting.inTitle.push(0);
    posting.inBody.push(0);
  }
  const counts = inTitle ? posting.inTitle : posting.inBody;
  counts[at] = Math.min(0xffff, (counts[at] ?? 0) + 1);
}
