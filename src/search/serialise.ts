// The search index as an exported site's browser gets it: the questions' own text and the
// owner's synonyms (the browser folds and indexes them with the same code the server runs),
// the syllables pinyin-pro read in context where a character's usual reading does not hold,
// and two small tables standing in for the dictionaries the server has (opencc-js, pinyin-pro),
// cut down to the characters this content can need.
import { FIELDS } from "./build-index.js";
import { foldChar, isHan } from "./fold.js";
import { pinyinOf } from "./pinyin.js";
import type { SearchIndex } from "./search-index.js";

export const FORMAT = 1;

export interface SerialisedIndex {
  /** Format version: a browser module from another export refuses it rather than misreading. */
  readonly v: typeof FORMAT;
  /** Per question, in index order: URL, title, summary, answer text. */
  readonly questions: ReadonlyArray<readonly [string, string, string, string]>;
  /** The owner's synonym groups as written in synonyms.yml; the browser folds them itself. */
  readonly synonyms: ReadonlyArray<readonly string[]>;
  /**
   * Where the syllable read in context differs from the table's one for that character:
   * [question, field (FIELDS order), position among the field's folded characters, syllable or "" for none].
   */
  readonly readings: ReadonlyArray<readonly [number, number, number, string]>;
}

export interface SearchTables {
  readonly v: typeof FORMAT;
  /** Traditional characters whose simplified form the content uses, each followed by that form. */
  readonly simplified: string;
  /** Syllable → the characters the browser reads so: every Chinese character of the content, and
   * the common ones (GB 2312 level 1) read as one of the content's syllables, for queries. */
  readonly pinyin: Readonly<Record<string, string>>;
}

/** GB 2312 level 1: the 3,755 most common characters, rows 0xB0–0xD7 (0xD7FA–0xD7FE are unused). */
function commonCharacters(): string[] {
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xd7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  return [...new TextDecoder("gb2312").decode(Uint8Array.from(bytes))].filter(isHan);
}

/** Unicode's CJK blocks where OpenCC has traditional characters: Extension A, the main block, Extension B. */
const HAN_RANGES = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0x20000, 0x2a6df],
] as const;

/** The most frequent syllable of each character in the content, as the server read it in context. */
function usualReadings(index: SearchIndex): Map<string, string | undefined> {
  const counts = new Map<string, Map<string | undefined, number>>();
  for (const question of index.questions) {
    for (const name of FIELDS) {
      const { chars, pinyin } = question[name];
      chars.forEach((ch, i) => {
        if (!isHan(ch)) return;
        const seen = counts.get(ch) ?? new Map<string | undefined, number>();
        seen.set(pinyin[i], (seen.get(pinyin[i]) ?? 0) + 1);
        counts.set(ch, seen);
      });
    }
  }
  const usual = new Map<string, string | undefined>();
  for (const [ch, seen] of counts) usual.set(ch, [...seen].sort((a, b) => b[1] - a[1])[0]?.[0]);
  return usual;
}

export function serialiseIndex(
  index: SearchIndex,
  synonyms: ReadonlyArray<readonly string[]>,
): { index: SerialisedIndex; tables: SearchTables } {
  const usual = usualReadings(index);
  const readings: Array<[number, number, number, string]> = [];
  index.questions.forEach((question, doc) => {
    FIELDS.forEach((name, field) => {
      const { chars, pinyin } = question[name];
      chars.forEach((ch, i) => {
        if (isHan(ch) && pinyin[i] !== usual.get(ch)) readings.push([doc, field, i, pinyin[i] ?? ""]);
      });
    });
  });

  const pinyin = new Map<string, string[]>();
  const read = (ch: string, syllable: string | undefined) => {
    if (syllable === undefined) return;
    const chars = pinyin.get(syllable) ?? [];
    chars.push(ch);
    pinyin.set(syllable, chars);
  };
  for (const [ch, syllable] of usual) read(ch, syllable);
  for (const ch of commonCharacters()) {
    if (usual.has(ch)) continue;
    const syllable = pinyinOf([ch])[0];
    if (syllable !== undefined && index.syllables.has(syllable)) read(ch, syllable);
  }

  // Folded characters of the content and the synonyms: a traditional character folding to any
  // other cannot match anything, on the server or in the browser.
  const used = new Set<string>(usual.keys());
  for (const word of synonyms.flat()) for (const ch of word) used.add(foldChar(ch));
  let simplified = "";
  for (const [from, to] of HAN_RANGES) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCodePoint(code);
      const folded = foldChar(ch);
      if (folded !== ch && used.has(folded)) simplified += ch + folded;
    }
  }

  return {
    index: {
      v: FORMAT,
      questions: index.questions.map(({ question }) => [question.url, question.question, question.summary, question.text] as const),
      synonyms,
      readings,
    },
    tables: {
      v: FORMAT,
      simplified,
      pinyin: Object.fromEntries([...pinyin].sort(([a], [b]) => (a < b ? -1 : 1)).map(([syllable, chars]) => [syllable, chars.join("")])),
    },
  };
}
