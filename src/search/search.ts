// The search the routes use: built once from the site's questions and synonyms, then asked per
// request. Returns the best questions with their titles and snippets already marked.
import type { Question } from "../content/site.js";
import { type AnalyzeField, buildSearchIndex } from "./build-index.js";
import { markAll, type Part, snippet } from "./highlight.js";
import { parseQuery } from "./parse-query.js";
import { rank } from "./rank.js";
import type { IndexedQuestion, SearchIndex } from "./search-index.js";

export interface SearchResult {
  readonly question: Question;
  readonly title: readonly Part[];
  readonly snippet: readonly Part[];
}

export interface SearchOutcome {
  /** How many questions matched; more than results.length when the list was cut. */
  readonly total: number;
  readonly results: readonly SearchResult[];
}

export interface Search {
  readonly index: SearchIndex;
  search(query: string, limit: number): SearchOutcome;
}

export function createSearch(
  questions: readonly Question[],
  synonyms: ReadonlyArray<readonly string[]>,
  analyzeField?: AnalyzeField,
): Search {
  const index = buildSearchIndex(questions, synonyms, analyzeField);
  return {
    index,
    search(query, limit) {
      const { total, hits } = rank(index, parseQuery(query, index), limit);
      // Marking costs more than ranking; only the questions shown are marked.
      const results = hits.map(({ doc, alternatives }) => {
        const { question, title, summary, text } = index.questions[doc] as IndexedQuestion;
        return {
          question,
          title: markAll(question.question, title, alternatives),
          snippet:
            snippet(question.text, text, alternatives, true) ??
            snippet(question.summary, summary, alternatives, true) ??
            snippet(question.text, text, alternatives) ??
            [],
        };
      });
      return { total, results };
    },
  };
}
