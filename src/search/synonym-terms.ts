// Finds the owner's synonyms in a query: the query is cut around them, and each becomes one
// term that matches its whole group, the word as typed counting most.
import { type Term, termSize, textAlternative, WEIGHT } from "./alternatives.js";
import { isHan } from "./fold.js";

/** A stretch of the query: one of the synonyms, or the text between them. */
export type QueryPart = { synonym: string; text?: undefined } | { synonym?: undefined; text: string };

/**
 * Cuts the query around the owner's synonyms, trying `synonymWords` in their order (longest
 * first), so 开发票 yields 开 and 发票.
 */
export function splitOnSynonyms(text: string, synonymWords: readonly string[]): QueryPart[] {
  const parts: QueryPart[] = [];
  let plain = "";
  let at = 0;
  while (at < text.length) {
    const word = synonymWords.find((candidate) => text.startsWith(candidate, at) && onWordBoundary(text, at, candidate.length));
    if (word === undefined) {
      plain += text[at];
      at += 1;
      continue;
    }
    if (plain !== "") parts.push({ text: plain });
    parts.push({ synonym: word });
    plain = "";
    at += word.length;
  }
  if (plain !== "") parts.push({ text: plain });
  return parts;
}

export function synonymTerm(word: string, synonyms: ReadonlyMap<string, readonly string[]>): Term {
  const group = synonyms.get(word) ?? [word];
  return {
    text: word,
    alternatives: group.map((other) => textAlternative(other, other === word ? WEIGHT.exact : WEIGHT.synonym)),
    size: termSize(word),
  };
}

const LATIN = /[\p{L}\p{N}]/u;

/** A Latin synonym (refund) must not be found inside a longer word (refunding). */
function onWordBoundary(text: string, at: number, length: number): boolean {
  const inside = (i: number) => i >= 0 && i < text.length && LATIN.test(text[i] as string) && !isHan(text[i] as string);
  const first = text[at] as string;
  const last = text[at + length - 1] as string;
  return !(inside(at - 1) && !isHan(first)) && !(inside(at + length) && !isHan(last));
}
