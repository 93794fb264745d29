// The search an exported site runs in the browser: the server's own search code (createSearch,
// parseQuery, rank, highlight) over the questions of the serialised index, with the syllables
// the export recorded. No DOM here, so the agreement test runs the bundled engine in Node.
import type { Question } from "../content/site.js";
import { analyze } from "../search/analyze.js";
import { FIELDS } from "../search/build-index.js";
import { isHan } from "../search/fold.js";
import { createSearch, type SearchOutcome } from "../search/search.js";
import { FORMAT, type SearchTables, type SerialisedIndex } from "../search/serialise.js";
import { readings, useTables } from "./tables.js";

/** What the results page and the suggestions show of a result, as /search.json sends it. */
export interface ResultView {
  readonly url: string;
  readonly question: string;
  readonly title: SearchOutcome["results"][number]["title"];
  readonly snippet: SearchOutcome["results"][number]["snippet"];
}

export interface StaticSearch {
  search(query: string, limit: number): { total: number; results: ResultView[] };
}

export function staticSearch(index: SerialisedIndex, tables: SearchTables): StaticSearch {
  if (index.v !== FORMAT) throw new Error(`search index: format ${index.v}, expected ${FORMAT}`);
  useTables(tables);
  const recorded = new Map<string, string>();
  for (const [doc, field, at, syllable] of index.readings) recorded.set(`${doc} ${field} ${at}`, syllable);
  // Search reads only these four fields of a question (titles, snippets and the link).
  const questions = index.questions.map(([url, question, summary, text]) => ({ url, question, summary, text }) as unknown as Question);
  const search = createSearch(questions, index.synonyms, (text, doc, name) => {
    const field = FIELDS.indexOf(name);
    return analyze(text, (chars) =>
      chars.map((ch, at) => {
        const syllable = recorded.get(`${doc} ${field} ${at}`);
        if (syllable !== undefined) return syllable === "" ? undefined : syllable;
        return isHan(ch) ? readings.get(ch) : undefined;
      }),
    );
  });
  return {
    search(query, limit) {
      const { total, results } = search.search(query, limit);
      return {
        total,
        results: results.map(({ question, title, snippet }) => ({ url: question.url, question: question.question, title, snippet })),
      };
    },
  };
}
