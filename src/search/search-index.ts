// The shape of the search index: what the builder makes at start-up and what queries read.
// Its own module so query code can name these types without importing the builder.
import type { Question } from "../content/site.js";
import type { Folded } from "./fold.js";
import type { Postings } from "./postings.js";

/** One field of a question (its title, summary or answer), folded, with its pinyin. */
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

export interface IndexedQuestion {
  readonly question: Question;
  readonly title: AnalyzedField;
  readonly summary: AnalyzedField;
  readonly text: AnalyzedField;
}

export interface SearchIndex {
  readonly questions: readonly IndexedQuestion[];
  readonly postings: Postings;
  /** Syllables that occur in the content: the only ones a typed pinyin string is split into. */
  readonly syllables: ReadonlySet<string>;
  /** Folded synonym → every folded word of its group, itself included. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  /** The synonyms' keys, longest first, so 注册资本 is found before 注册. */
  readonly synonymWords: readonly string[];
}
