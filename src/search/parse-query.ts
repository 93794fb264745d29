// Reads what a reader typed into terms, each with the ways it may match: as written, through
// an owner's synonym, as full pinyin or as pinyin initials. The query is folded and cut around
// synonyms; what is left goes to the Chinese or the Latin reader, run by run.
import type { Term } from "./alternatives.js";
import { chineseTerms } from "./chinese-terms.js";
import { foldWord, isHan } from "./fold.js";
import { latinTerms } from "./latin-terms.js";
import type { SearchIndex } from "./search-index.js";
import { splitOnSynonyms, synonymTerm } from "./synonym-terms.js";

/** Bounds the work a single request can cause, whatever was typed. */
const MAX_TERMS = 24;

export function parseQuery(query: string, index: SearchIndex): Term[] {
  const terms: Term[] = [];
  const stopWords: Term[] = [];
  for (const part of splitOnSynonyms(foldWord(query), index.synonymWords)) {
    if (part.synonym !== undefined) {
      terms.push(synonymTerm(part.synonym, index.synonyms));
      continue;
    }
    for (const run of part.text.split(/(\p{Script=Han}+)/u)) {
      if (run.trim() === "") continue;
      if (isHan([...run][0] as string)) {
        const chinese = chineseTerms(run, index.postings);
        terms.push(...chinese.terms);
        stopWords.push(...chinese.stopWords);
      } else {
        terms.push(...latinTerms(run.trim().split(" "), index));
      }
    }
  }
  // Question words count only when the query has nothing else (什么 alone).
  const chosen = terms.length > 0 ? terms : stopWords;
  const seen = new Set<string>();
  return chosen.filter((term) => !seen.has(term.text) && seen.add(term.text)).slice(0, MAX_TERMS);
}
