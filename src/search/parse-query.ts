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
/**
 * Characters of the folded query read. Folding can multiply a query's length (NFKC turns
 * U+FDFA into 18 characters), so the limit applies after it; the route refuses longer ones
 * with a message, and this holds for any other caller.
 */
export const MAX_FOLDED_LENGTH = 100;
/** Index keys looked up for one query, over all its terms and their ways of matching. */
const MAX_KEYS = 160;

export function parseQuery(query: string, index: SearchIndex): Term[] {
  const terms: Term[] = [];
  const stopWords: Term[] = [];
  const folded = [...foldWord(query)].slice(0, MAX_FOLDED_LENGTH).join("");
  // Parsing stops once there are more terms than can be kept (duplicates are dropped below).
  const full = () => terms.length >= 2 * MAX_TERMS;
  for (const part of splitOnSynonyms(folded, index.synonymWords)) {
    if (full()) break;
    if (part.synonym !== undefined) {
      terms.push(synonymTerm(part.synonym, index.synonyms));
      continue;
    }
    for (const run of part.text.split(/(\p{Script=Han}+)/u)) {
      if (run.trim() === "" || full()) continue;
      if (isHan([...run][0] as string)) {
        const chinese = chineseTerms(run, index.postings);
        for (const term of chinese.terms) terms.push(term);
        for (const term of chinese.stopWords) stopWords.push(term);
      } else {
        for (const term of latinTerms(
          run
            .trim()
            .split(" ")
            .slice(0, 2 * MAX_TERMS),
          index,
        ))
          terms.push(term);
      }
    }
  }
  // Question words count only when the query has nothing else (什么 alone).
  const chosen = terms.length > 0 ? terms : stopWords;
  const seen = new Set<string>();
  const kept: Term[] = [];
  let keys = 0;
  for (const term of chosen) {
    if (seen.has(term.text)) continue;
    seen.add(term.text);
    keys += term.alternatives.reduce((sum, alternative) => sum + alternative.keys.length, 0);
    if (kept.length >= MAX_TERMS || (keys > MAX_KEYS && kept.length > 0)) break;
    kept.push(term);
  }
  return kept;
}
