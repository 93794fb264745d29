// Finds where the matched terms are in a field and cuts a snippet around the best of them.
// The result is a list of plain-text parts, some marked: the template escapes every part and
// wraps marked ones in <mark>, so no HTML is ever built from a reader's query here.

import type { Alternative } from "./alternatives.js";
import { occurrencesOf, type Span } from "./occurrences.js";
import type { AnalyzedField } from "./search-index.js";

export interface Part {
  readonly text: string;
  readonly mark: boolean;
}

/** Characters of answer text shown around the matches; about two lines on a phone. */
export const SNIPPET_LENGTH = 90;
/** Context kept before the first mark, so a snippet does not start on the matched word. */
const LEAD = 16;
/**
 * Matches of one needle looked at. A snippet shows a few; a title has a few. The cap keeps the
 * work per search bounded on an answer of any size (one of a megabyte holds hundreds of
 * thousands of a common word), and marks past it in a long title simply stay unmarked.
 */
export const MAX_OCCURRENCES = 256;

/** The whole text with every match marked: for a question's title. */
export function markAll(text: string, field: AnalyzedField, alternatives: readonly Alternative[]): Part[] {
  return parts(text, spansIn(field, alternatives), 0, text.length);
}

/**
 * A window of the text holding as many matches as fit, marked; the first SNIPPET_LENGTH
 * characters when nothing in it matched. Undefined when the text has no match and
 * `onlyIfMatched` is set (so the caller can try another field).
 */
export function snippet(
  text: string,
  field: AnalyzedField,
  alternatives: readonly Alternative[],
  onlyIfMatched = false,
): Part[] | undefined {
  // One space for one whitespace character, so offsets into the text still hold.
  const flat = text.replace(/\s/g, " ");
  const spans = spansIn(field, alternatives);
  if (spans.length === 0 && onlyIfMatched) return undefined;
  let from = 0;
  let best = -1;
  // Any of the first few matches may start the window; enough to find a dense stretch.
  for (const anchor of spans.slice(0, 32)) {
    const start = Math.max(0, Math.min(anchor.start - LEAD, flat.length - SNIPPET_LENGTH));
    const inside = spans.filter((span) => span.start >= start && span.end <= start + SNIPPET_LENGTH).length;
    if (inside > best) {
      best = inside;
      from = start;
    }
  }
  from = avoidSurrogateSplit(flat, from);
  const to = avoidSurrogateSplit(flat, Math.min(flat.length, from + SNIPPET_LENGTH));
  const result = parts(flat, spans, from, to);
  if (from > 0) result.unshift({ text: "…", mark: false });
  if (to < flat.length) result.push({ text: "…", mark: false });
  return result;
}

/** Where any needle of the alternatives occurs, as merged spans of the original text. */
function spansIn(field: AnalyzedField, alternatives: readonly Alternative[]): Span[] {
  const found: Span[] = [];
  for (const { needles } of alternatives) {
    for (const needle of needles) {
      const whole = occurrencesOf(field, needle, MAX_OCCURRENCES);
      // Element by element: spreading a long list into push() overflows the call stack.
      for (const span of whole) found.push(span);
      // A partial match (管理局 where the text has 管理): mark the pairs that are there.
      if (whole.length === 0 && needle.channel !== "initials" && !needle.wholeWord && needle.seq.length > 2) {
        for (let i = 0; i + 1 < needle.seq.length; i++) {
          const pair = { ...needle, seq: [needle.seq[i] as string, needle.seq[i + 1] as string] };
          for (const span of occurrencesOf(field, pair, MAX_OCCURRENCES)) found.push(span);
        }
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of found) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function parts(text: string, spans: readonly Span[], from: number, to: number): Part[] {
  const result: Part[] = [];
  let at = from;
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (end <= start) continue;
    if (start > at) result.push({ text: text.slice(at, start), mark: false });
    result.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < to) result.push({ text: text.slice(at, to), mark: false });
  return result;
}

/** Never cut between the two halves of a character outside the BMP. */
function avoidSurrogateSplit(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}
