// Which questions one way of matching a term finds, and how well: a BM25-like score (rarer
// keys count more, repeats of a key less, a title hit three times a body hit), plus a bonus
// where the field has the term as a whole word.
import type { Alternative } from "./alternatives.js";
import { occurrencesOf } from "./occurrences.js";
import type { Posting } from "./postings.js";
import type { AnalyzedField, SearchIndex } from "./search-index.js";

const TITLE_WEIGHT = 3;
/** Share of a key's score added when the term is also a whole word in the field. */
const WHOLE_WORD_BONUS = 0.5;
/** BM25's term-frequency saturation: the third 发票 in an answer adds less than the first. */
const K1 = 1.2;

/**
 * What a match found only in the answer or summary is worth towards the query's share (rank.ts),
 * against 1 in the title: a word the answer mentions in passing (域名 in a list of systems) is
 * weaker evidence than one the question is about.
 */
export const BODY_SHARE = 0.5;

/**
 * `share`: how much of the term this question holds, from 0 to 1: the part of its keys found
 * (服务 is half of 服务器), times BODY_SHARE when they are not in the title.
 */
export type OnMatch = (doc: number, inTitle: boolean, score: number, share: number) => void;

/** Calls onMatch for each question whose title or body this alternative matches. */
export function matchAlternative(index: SearchIndex, alternative: Alternative, onMatch: OnMatch): void {
  const total = index.questions.length;
  const titleKeys = new Uint16Array(total);
  const bodyKeys = new Uint16Array(total);
  const titleScore = new Float64Array(total);
  const bodyScore = new Float64Array(total);
  const touched: number[] = [];
  for (const key of alternative.keys) {
    const posting = index.postings.get(key);
    if (posting === undefined) continue;
    const weight = idf(posting, total);
    const { docs, inTitle, inBody } = posting;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (titleKeys[doc] === 0 && bodyKeys[doc] === 0) touched.push(doc);
      const title = inTitle[i] as number;
      const body = inBody[i] as number;
      if (title > 0) {
        titleKeys[doc] = (titleKeys[doc] as number) + 1;
        titleScore[doc] = (titleScore[doc] as number) + weight * saturate(title);
      }
      if (body > 0) {
        bodyKeys[doc] = (bodyKeys[doc] as number) + 1;
        bodyScore[doc] = (bodyScore[doc] as number) + weight * saturate(body);
      }
    }
  }

  const keyCount = alternative.keys.length;
  const needed = alternative.minCoverage * keyCount;
  const word = alternative.wordKey === undefined ? undefined : index.postings.get(alternative.wordKey);
  for (const doc of touched) {
    const question = index.questions[doc];
    if (question === undefined) continue;
    const titleMatches = (titleKeys[doc] as number) >= needed && inOneRun(alternative, question.title);
    const bodyMatches =
      (bodyKeys[doc] as number) >= needed && (inOneRun(alternative, question.text) || inOneRun(alternative, question.summary));
    if (!titleMatches && !bodyMatches) continue;
    let raw = (titleMatches ? TITLE_WEIGHT * (titleScore[doc] as number) : 0) + (bodyMatches ? (bodyScore[doc] as number) : 0);
    if (word !== undefined) {
      const at = findDoc(word, doc);
      if (at >= 0) {
        const bonus = WHOLE_WORD_BONUS * idf(word, total) * keyCount;
        raw += ((word.inTitle[at] as number) > 0 ? TITLE_WEIGHT * bonus : 0) + ((word.inBody[at] as number) > 0 ? bonus : 0);
      }
    }
    const share = Math.max(
      titleMatches ? Math.min(1, (titleKeys[doc] as number) / keyCount) : 0,
      bodyMatches ? BODY_SHARE * Math.min(1, (bodyKeys[doc] as number) / keyCount) : 0,
    );
    onMatch(doc, titleMatches, (alternative.weight * raw) / keyCount, share);
  }
}

/** Checked only for questions whose keys all matched, and only where it matters (initials). */
function inOneRun(alternative: Alternative, field: AnalyzedField): boolean {
  return !alternative.contiguous || alternative.needles.some((needle) => occurrencesOf(field, needle, 1).length > 0);
}

/** BM25's inverse document frequency: a key in every question is worth little, a rare one much. */
function idf(posting: Posting, total: number): number {
  const df = posting.docs.length;
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

function saturate(count: number): number {
  return (count * (K1 + 1)) / (count + K1);
}

/** Postings list documents in index order, so a binary search finds one. */
function findDoc(posting: Posting, doc: number): number {
  let low = 0;
  let high = posting.docs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = posting.docs[mid] as number;
    if (value === doc) return mid;
    if (value < doc) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
