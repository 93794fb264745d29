// Builds the search index once, at start-up: every question analysed field by field, an
// inverted index from key to the questions that contain it, and the owner's synonym groups.
import type { Question } from "../content/site.js";
import { type AnalyzedField, analyze } from "./analyze.js";
import { foldWord } from "./fold.js";
import { Postings } from "./postings.js";

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

export function buildSearchIndex(questions: readonly Question[], synonymGroups: ReadonlyArray<readonly string[]>): SearchIndex {
  const indexed = questions.map((question) => ({
    question,
    title: analyze(question.question),
    summary: analyze(question.summary),
    text: analyze(question.text),
  }));

  const postings = new Postings();
  indexed.forEach((doc, id) => {
    postings.add(doc.title, id, true, true);
    postings.add(doc.summary, id, false, true);
    postings.add(doc.text, id, false, false);
  });
  postings.seal();
  const syllables = postings.syllableSet();

  const synonyms = new Map<string, string[]>();
  for (const group of synonymGroups) {
    const words = [...new Set(group.map(foldWord).filter((word) => word !== ""))];
    for (const word of words) synonyms.set(word, words);
  }
  const synonymWords = [...synonyms.keys()].sort((a, b) => b.length - a.length);
  return { questions: indexed, postings, syllables, synonyms, synonymWords };
}
