// Builds the postings once, at start-up: every key of every field counted question by
// question in growable drafts, then sealed into typed arrays, less than half the memory.
import { isHan } from "./fold.js";
import { initialPairOf, type Posting, Postings, type PostingTables, pairOf } from "./postings.js";
import type { AnalyzedField, IndexedQuestion } from "./search-index.js";

/** A posting while the index is built. */
interface Draft {
  docs: number[];
  inTitle: number[];
  inBody: number[];
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
/** What Intl.Segmenter would call a word outside Chinese text: letters and digits, not Han. */
const LATIN_WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

export function buildPostings(questions: readonly IndexedQuestion[]): Postings {
  const drafts: PostingTables<Draft> = {
    charIds: new Map(),
    syllableIds: new Map(),
    chars: new Map(),
    charPairs: new Map(),
    syllables: new Map(),
    syllablePairs: new Map(),
    initialPairs: new Map(),
    words: new Map(),
  };
  // Words are segmented in titles and summaries only; answers give their Latin words and
  // numbers by a regular expression: segmenting every answer would be about a fifth of the
  // build time, and the whole-word bonus matters most in titles.
  questions.forEach((doc, id) => {
    addField(drafts, doc.title, id, true, true);
    addField(drafts, doc.summary, id, false, true);
    addField(drafts, doc.text, id, false, false);
  });
  const { charIds, syllableIds, chars, charPairs, syllables, syllablePairs, initialPairs, words } = drafts;
  return new Postings({
    charIds,
    syllableIds,
    chars: seal(chars),
    charPairs: seal(charPairs),
    syllables: seal(syllables),
    syllablePairs: seal(syllablePairs),
    initialPairs: seal(initialPairs),
    words: seal(words),
  });
}

/**
 * Counts every key of a field: characters and pairs of characters, syllables and pairs of
 * them, pairs of initials, and whole words (the only way Latin words and numbers match; for
 * Chinese, a query word that is a whole word here scores a little more).
 */
function addField(drafts: PostingTables<Draft>, field: AnalyzedField, doc: number, inTitle: boolean, segmentWords: boolean): void {
  const { chars, pinyin } = field;
  let previousChar = -1;
  let previousSyllable = -1;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const syllable = pinyin[i];
    if (!isHan(ch)) {
      previousChar = -1;
      previousSyllable = -1;
      continue;
    }
    const charId = idOf(drafts.charIds, ch);
    count(drafts.chars, charId, doc, inTitle);
    if (previousChar >= 0) count(drafts.charPairs, pairOf(previousChar, charId), doc, inTitle);
    previousChar = charId;
    if (syllable === undefined) {
      previousSyllable = -1;
      continue;
    }
    const syllableId = idOf(drafts.syllableIds, syllable);
    count(drafts.syllables, syllableId, doc, inTitle);
    if (previousSyllable >= 0) {
      count(drafts.syllablePairs, pairOf(previousSyllable, syllableId), doc, inTitle);
      count(drafts.initialPairs, initialPairOf(field.initials, i - 1), doc, inTitle);
    }
    previousSyllable = syllableId;
  }
  const text = field.joined ?? chars.join("");
  if (segmentWords) {
    for (const { segment, isWordLike } of segmenter.segment(text)) {
      if (isWordLike && (segment.length > 1 || !isHan(segment))) count(drafts.words, segment, doc, inTitle);
    }
  } else {
    for (const [word] of text.matchAll(LATIN_WORD)) count(drafts.words, word, doc, inTitle);
  }
}

/** A character's or syllable's number, given on first sight. */
function idOf(ids: Map<string, number>, text: string): number {
  let id = ids.get(text);
  if (id === undefined) {
    id = ids.size;
    ids.set(text, id);
  }
  return id;
}

function count<K>(drafts: Map<K, Draft>, key: K, doc: number, inTitle: boolean): void {
  let draft = drafts.get(key);
  if (draft === undefined) {
    draft = { docs: [], inTitle: [], inBody: [] };
    drafts.set(key, draft);
  }
  // Questions are added in order, so this question's entry, if any, is the last one.
  let at = draft.docs.length - 1;
  if (draft.docs[at] !== doc) {
    at = draft.docs.push(doc) - 1;
    draft.inTitle.push(0);
    draft.inBody.push(0);
  }
  const counts = inTitle ? draft.inTitle : draft.inBody;
  counts[at] = Math.min(0xffff, (counts[at] ?? 0) + 1);
}

function seal<K>(drafts: Map<K, Draft>): Map<K, Posting> {
  const sealed = new Map<K, Posting>();
  for (const [key, draft] of drafts) {
    sealed.set(key, {
      docs: Int32Array.from(draft.docs),
      inTitle: Uint16Array.from(draft.inTitle),
      inBody: Uint16Array.from(draft.inBody),
    });
  }
  return sealed;
}
