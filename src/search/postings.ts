// The inverted index as queries read it: key → the questions containing it, and how often.
// The rest of the code names keys as strings ("b:发票", "q:fa piao"); inside, characters and
// syllables are numbered and a pair of them is one number, so building the index (build-postings.ts)
// looks numbers up in maps instead of making and hashing millions of strings.
import { KEY } from "./keys.js";

/** The questions containing one key, in index order, with how often it occurs in each. */
export interface Posting {
  readonly docs: Int32Array;
  readonly inTitle: Uint16Array;
  /** Answer and summary together: both are "the body" for ranking. */
  readonly inBody: Uint16Array;
}

/** Every key's entry by kind: a growable draft while the index is built, a Posting after. */
export interface PostingTables<Entry> {
  readonly charIds: Map<string, number>;
  readonly syllableIds: Map<string, number>;
  readonly chars: Map<number, Entry>;
  readonly charPairs: Map<number, Entry>;
  readonly syllables: Map<number, Entry>;
  readonly syllablePairs: Map<number, Entry>;
  readonly initialPairs: Map<number, Entry>;
  readonly words: Map<string, Entry>;
}

/** Pair numbers: id × SPAN + id stays exact for any id a corpus can have (far below 2^26). */
const SPAN = 2 ** 26;

/** The number of a pair of character or syllable ids. */
export function pairOf(first: number, second: number): number {
  return first * SPAN + second;
}

/** The number of the two initials at `at` in `text`; initials are ASCII letters, one code unit each. */
export function initialPairOf(text: string, at: number): number {
  return text.charCodeAt(at) * 256 + text.charCodeAt(at + 1);
}

export class Postings {
  constructor(private readonly tables: PostingTables<Posting>) {}

  /** How many distinct keys the index holds. */
  get size(): number {
    const { chars, charPairs, syllables, syllablePairs, initialPairs, words } = this.tables;
    return chars.size + charPairs.size + syllables.size + syllablePairs.size + initialPairs.size + words.size;
  }

  /** Syllables that occur in the content. */
  syllableSet(): ReadonlySet<string> {
    return new Set(this.tables.syllableIds.keys());
  }

  get(key: string): Posting | undefined {
    const { charIds, syllableIds, ...table } = this.tables;
    const text = key.slice(KEY.word.length);
    switch (key.slice(0, KEY.word.length)) {
      case KEY.word:
        return table.words.get(text);
      case KEY.char:
        return table.chars.get(charIds.get(text) ?? -1);
      case KEY.charPair:
        return pairIn(table.charPairs, charIds, [...text]);
      case KEY.syllable:
        return table.syllables.get(syllableIds.get(text) ?? -1);
      case KEY.syllablePair:
        return pairIn(table.syllablePairs, syllableIds, text.split(" "));
      case KEY.initialPair:
        return text.length === 2 ? table.initialPairs.get(initialPairOf(text, 0)) : undefined;
      default:
        return undefined;
    }
  }
}

function pairIn(pairs: Map<number, Posting>, ids: Map<string, number>, parts: readonly string[]): Posting | undefined {
  const [a, b] = parts.map((part) => ids.get(part) ?? -1);
  return a === undefined || b === undefined || a < 0 || b < 0 ? undefined : pairs.get(pairOf(a, b));
}
