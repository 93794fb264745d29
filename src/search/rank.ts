// Ranks questions against a query's terms. Order: more query terms matched first, then more of
// them matched in the question's title, then the sum of each term's best score (see
// match-alternative.ts), then the document's own order. A question that holds less than
// MIN_SHARE of the query is not a result at all (the precision rule).
import type { Alternative, Term } from "./alternatives.js";
import { matchAlternative } from "./match-alternative.js";
import type { SearchIndex } from "./search-index.js";

export interface Hit {
  /** Position in index.questions. */
  readonly doc: number;
  /** Query terms this question matches, anywhere. */
  readonly matched: number;
  /** Query terms it matches in its title. */
  readonly inTitle: number;
  readonly score: number;
  /** The ways the terms matched this question, for marking them in its text. */
  readonly alternatives: readonly Alternative[];
}

export interface Ranked {
  /** How many questions matched at all. */
  readonly total: number;
  /** The best `limit` of them, best first. */
  readonly hits: readonly Hit[];
}

/**
 * The precision rule: each term counts by its size (its characters; two for an English word),
 * times how much of it a question holds (OnMatch's share: all of it in the title 1, in the
 * answer only half, 服务 of 服务器 half of that). A question needs at least half of the whole
 * query: 发票 in the title answers 发票抬头, but 域名 mentioned in an answer does not answer
 * 域名续费, nor 服务 in a title 服务器价格.
 */
export const MIN_SHARE = 0.5;

// Per-question tallies live in typed arrays indexed by question: with a thousand questions a
// common key touches most of them, and objects per question would cost more than the maths.
export function rank(index: SearchIndex, terms: readonly Term[], limit: number): Ranked {
  const total = index.questions.length;
  const matched = new Uint16Array(total);
  const inTitle = new Uint16Array(total);
  const score = new Float64Array(total);
  const held = new Float64Array(total);
  let querySize = 0;
  const found: number[] = [];
  const matchedBy: Array<{ alternative: Alternative; docs: Uint8Array }> = [];
  const m = (doc: number) => matched[doc] as number;
  const t = (doc: number) => inTitle[doc] as number;
  const s = (doc: number) => score[doc] as number;

  for (const term of terms) {
    const termTitle = new Uint8Array(total);
    const termScore = new Float64Array(total);
    const termSeen = new Uint8Array(total);
    const termShare = new Float64Array(total);
    const termDocs: number[] = [];
    querySize += term.size;
    for (const alternative of term.alternatives) {
      const docs = new Uint8Array(total);
      matchAlternative(index, alternative, (doc, titleMatches, altScore, share) => {
        if (termSeen[doc] === 0) termDocs.push(doc);
        termSeen[doc] = 1;
        docs[doc] = 1;
        if (titleMatches) termTitle[doc] = 1;
        termScore[doc] = Math.max(termScore[doc] as number, altScore);
        termShare[doc] = Math.max(termShare[doc] as number, share);
      });
      matchedBy.push({ alternative, docs });
    }
    for (const doc of termDocs) {
      if (matched[doc] === 0) found.push(doc);
      matched[doc] = m(doc) + 1;
      inTitle[doc] = t(doc) + (termTitle[doc] as number);
      score[doc] = s(doc) + (termScore[doc] as number);
      held[doc] = (held[doc] as number) + term.size * (termShare[doc] as number);
    }
  }

  const enough = found.filter((doc) => (held[doc] as number) >= MIN_SHARE * querySize);
  enough.sort((a, b) => m(b) - m(a) || t(b) - t(a) || s(b) - s(a) || a - b);
  const hits = enough.slice(0, limit).map((doc) => ({
    doc,
    matched: m(doc),
    inTitle: t(doc),
    score: s(doc),
    alternatives: matchedBy.filter(({ docs }) => docs[doc] === 1).map(({ alternative }) => alternative),
  }));
  return { total: enough.length, hits };
}
