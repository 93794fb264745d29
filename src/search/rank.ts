// Scores questions against parsed terms. Order: more query terms matched first, then more of
// them matched in the question's title, then a BM25-like score (rarer keys count more, title
// hits three times a body hit), then the document's own order.
import type { AnalyzedField } from "./analyze.js";
import type { IndexedQuestion, Posting, SearchIndex } from "./build-index.js";
import { occurrencesOf } from "./occurrences.js";
import type { Alternative, Term } from "./parse-query.js";

export interface Hit {
  /** Position in index.questions. */
  readonly doc: number;
  /** Query terms this question matches, anywhere. */
  readonly matched: number;
  /** Query terms it matches in its title. */
  readonly inTitle: number;
  readonly score: number;
  /** The ways the terms matched, for marking them in the text. */
  readonly alternatives: readonly Alternative[];
}

const TITLE_WEIGHT = 3;
/** Share of a key's score added when the term is also a whole word in the field. */
const WHOLE_WORD_BONUS = 0.5;
/** BM25's term-frequency saturation: the third 发票 in an answer adds less than the first. */
const K1 = 1.2;

interface Tally {
  titleKeys: number;
  bodyKeys: number;
  titleScore: number;
  bodyScore: number;
}

interface TermMatch {
  inTitle: boolean;
  score: number;
  alternatives: Alternative[];
}

export function rank(index: SearchIndex, terms: readonly Term[]): Hit[] {
  const total = index.questions.length;
  const hits = new Map<number, { matched: number; inTitle: number; score: number; alternatives: Alternative[] }>();
  for (const term of terms) {
    const best = new Map<number, TermMatch>();
    for (const alternative of term.alternatives) {
      for (const [doc, match] of matchAlternative(index, alternative, total)) {
        const current = best.get(doc);
        if (current === undefined) best.set(doc, { ...match, alternatives: [alternative] });
        else {
          current.inTitle ||= match.inTitle;
          current.score = Math.max(current.score, match.score);
          current.alternatives.push(alternative);
        }
      }
    }
    for (const [doc, match] of best) {
      const hit = hits.get(doc) ?? { matched: 0, inTitle: 0, score: 0, alternatives: [] };
      hit.matched += 1;
      hit.inTitle += match.inTitle ? 1 : 0;
      hit.score += match.score;
      hit.alternatives.push(...match.alternatives);
      hits.set(doc, hit);
    }
  }
  return [...hits]
    .map(([doc, hit]) => ({ doc, ...hit }))
    .sort((a, b) => b.matched - a.matched || b.inTitle - a.inTitle || b.score - a.score || a.doc - b.doc);
}

function matchAlternative(index: SearchIndex, alternative: Alternative, total: number): Map<number, { inTitle: boolean; score: number }> {
  const tallies = new Map<number, Tally>();
  for (const key of alternative.keys) {
    const posting = index.postings.get(key);
    if (posting === undefined) continue;
    const weight = idf(posting, total);
    for (let i = 0; i < posting.docs.length; i++) {
      const doc = posting.docs[i] as number;
      let tally = tallies.get(doc);
      if (tally === undefined) {
        tally = { titleKeys: 0, bodyKeys: 0, titleScore: 0, bodyScore: 0 };
        tallies.set(doc, tally);
      }
      const inTitle = posting.inTitle[i] as number;
      const inBody = posting.inBody[i] as number;
      if (inTitle > 0) {
        tally.titleKeys += 1;
        tally.titleScore += weight * saturate(inTitle);
      }
      if (inBody > 0) {
        tally.bodyKeys += 1;
        tally.bodyScore += weight * saturate(inBody);
      }
    }
  }

  const keyCount = alternative.keys.length;
  const word = alternative.wordKey === undefined ? undefined : index.postings.get(alternative.wordKey);
  const matches = new Map<number, { inTitle: boolean; score: number }>();
  for (const [doc, tally] of tallies) {
    const question = index.questions[doc] as IndexedQuestion;
    const titleMatches = tally.titleKeys / keyCount >= alternative.minCoverage && inOneRun(alternative, question.title);
    const bodyMatches =
      tally.bodyKeys / keyCount >= alternative.minCoverage &&
      (inOneRun(alternative, question.text) || inOneRun(alternative, question.summary));
    if (!titleMatches && !bodyMatches) continue;
    let score = (titleMatches ? TITLE_WEIGHT * tally.titleScore : 0) + (bodyMatches ? tally.bodyScore : 0);
    if (word !== undefined) {
      const at = findDoc(word, doc);
      if (at >= 0) {
        const bonus = WHOLE_WORD_BONUS * idf(word, total) * keyCount;
        score += ((word.inTitle[at] as number) > 0 ? TITLE_WEIGHT * bonus : 0) + ((word.inBody[at] as number) > 0 ? bonus : 0);
      }
    }
    matches.set(doc, { inTitle: titleMatches, score: (alternative.weight * score) / keyCount });
  }
  return matches;
}

/** Checked only for the few questions whose keys all matched, and only where it matters. */
function inOneRun(alternative: Alternative, field: AnalyzedField): boolean {
  return !alternative.contiguous || alternative.needles.some((needle) => occurrencesOf(field, needle, true).length > 0);
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
