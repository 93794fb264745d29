// Builds the search index once, at start-up: every question analysed field by field, an
// inverted index from key to the questions that contain it, and the owner's synonym groups.
import type { Question } from "../content/site.js";
import { analyze } from "./analyze.js";
import { buildPostings } from "./build-postings.js";
import { foldWord } from "./fold.js";
import type { AnalyzedField, SearchIndex } from "./search-index.js";

/** The three fields of a question, in the order the serialised index numbers them. */
export const FIELDS = ["title", "summary", "text"] as const;
export type FieldName = (typeof FIELDS)[number];
/** Analyses one field; the browser's version reads the syllables the export recorded. */
export type AnalyzeField = (text: string, doc: number, field: FieldName) => AnalyzedField;

export function buildSearchIndex(
  questions: readonly Question[],
  synonymGroups: ReadonlyArray<readonly string[]>,
  analyzeField: AnalyzeField = (text) => analyze(text),
): SearchIndex {
  const indexed = questions.map((question, doc) => ({
    question,
    title: analyzeField(question.question, doc, "title"),
    summary: analyzeField(question.summary, doc, "summary"),
    text: analyzeField(question.text, doc, "text"),
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
