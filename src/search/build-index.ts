// Builds the search index once, at start-up: every question analysed field by field, an
// inverted index from key to the questions that contain it, and the owner's synonym groups.
import type { Question } from "../content/site.js";
import { analyze } from "./analyze.js";
import { buildPostings } from "./build-postings.js";
import { foldWord } from "./fold.js";
import type { SearchIndex } from "./search-index.js";

export function buildSearchIndex(questions: readonly Question[], synonymGroups: ReadonlyArray<readonly string[]>): SearchIndex {
  const indexed = questions.map((question) => ({
    question,
    title: analyze(question.question),
    summary: analyze(question.summary),
    text: analyze(question.text),
  }));
  const postings = buildPostings(indexed);

  const synonyms = new Map<string, string[]>();
  for (const group of synonymGroups) {
    const words = [...new Set(group.map(foldWord).filter((word) => word !== ""))];
    for (const word of words) synonyms.set(word, words);
  }
  const synonymWords = [...synonyms.keys()].sort((a, b) => b.length - a.length);
  return { questions: indexed, postings, syllables: postings.syllableSet(), synonyms, synonymWords };
}
