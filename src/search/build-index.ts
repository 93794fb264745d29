// Builds the search index once, at start-up: every question analysed field by field, an
// inverted index from key to the questions that contain it, and the owner's synonym groups.
import type { Question } from "../content/site.js";
import { type AnalyzedField, analyze } from "./analyze.js";
import { foldString } from "./fold.js";

export interface IndexedQuestion {
  readonly question: Question;
  readonly title: AnalyzedField;
  readonly summary: AnalyzedField;
  readonly text: AnalyzedField;
}

/** The questions containing one key, in index order, with how often it occurs in each. */
export interface Posting {
  readonly docs: number[];
  readonly inTitle: number[];
  /** Answer and summary together: both are "the body" for ranking. */
  readonly inBody: number[];
}

export interface SearchIndex {
  readonly questions: readonly IndexedQuestion[];
  readonly postings: ReadonlyMap<string, Posting>;
  /** Syllables that occur in the content: the only ones a typed pinyin string is split into. */
  readonly syllables: ReadonlySet<string>;
  /** Folded synonym → every folded word of its group, itself included. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  /** The synonyms' keys, longest first, so 注册资本 is found before 注册. */
  readonly synonymWords: readonly string[];
}

export function buildSearchIndex(questions: readonly Question[], synonymGroups: ReadonlyArray<readonly string[]>): SearchIndex {
  const indexed = questions.map((question) => ({
    question,
    title: analyze(question.question),
    summary: analyze(question.summary),
    text: analyze(question.text),
  }));

  const postings = new Map<string, Posting>();
  const syllables = new Set<string>();
  indexed.forEach((doc, id) => {
    const counts = new Map<string, [title: number, body: number]>();
    const count = (field: AnalyzedField, slot: 0 | 1) => {
      for (const [key, n] of field.keys) {
        const entry = counts.get(key) ?? [0, 0];
        entry[slot] += n;
        counts.set(key, entry);
      }
      for (const syllable of field.pinyin) if (syllable !== undefined) syllables.add(syllable);
    };
    count(doc.title, 0);
    count(doc.summary, 1);
    count(doc.text, 1);
    for (const [key, [title, body]] of counts) {
      let posting = postings.get(key);
      if (posting === undefined) {
        posting = { docs: [], inTitle: [], inBody: [] };
        postings.set(key, posting);
      }
      posting.docs.push(id);
      posting.inTitle.push(title);
      posting.inBody.push(body);
    }
  });

  const synonyms = new Map<string, string[]>();
  for (const group of synonymGroups) {
    const words = [...new Set(group.map(foldWord).filter((word) => word !== ""))];
    for (const word of words) synonyms.set(word, words);
  }
  const synonymWords = [...synonyms.keys()].sort((a, b) => b.length - a.length);
  return { questions: indexed, postings, syllables, synonyms, synonymWords };
}

/** A word as the query parser sees it: folded, punctuation as single spaces. */
export function foldWord(text: string): string {
  return foldString(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
