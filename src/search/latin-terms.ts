// Terms from Latin letters: each word as written (an English word, ISP), and where the letters
// read as pinyin, as those syllables; letters that cannot, also as pinyin initials (fp → 发票).
import { initialsAlternative, pinyinAlternative, type Term, textAlternative, WEIGHT } from "./alternatives.js";
import { splitPinyin } from "./pinyin.js";

/** Bounds the work a single request can cause, whatever was typed. */
const MAX_INITIALS = 12;
/** Pinyin typed with spaces (fa piao) is joined back; this many pieces at most. */
const MAX_PINYIN_PIECES = 8;

/**
 * Latin words in a row are tried as one pinyin phrase first (fa piao), the longest that reads.
 * `syllables` are those the content uses: a syllable nobody wrote cannot match anyway.
 */
export function latinTerms(words: readonly string[], syllables: ReadonlySet<string>): Term[] {
  const terms: Term[] = [];
  let at = 0;
  while (at < words.length) {
    let taken = 1;
    for (let end = Math.min(words.length, at + MAX_PINYIN_PIECES); end > at + 1; end--) {
      if (splitPinyin(words.slice(at, end).map(withoutToneNumbers).join(""), syllables).length > 0) {
        taken = end - at;
        break;
      }
    }
    terms.push(latinTerm(words.slice(at, at + taken), syllables));
    at += taken;
  }
  return terms;
}

function latinTerm(words: readonly string[], syllables: ReadonlySet<string>): Term {
  const letters = words.map(withoutToneNumbers).join("");
  const splits = splitPinyin(letters, syllables);
  const alternatives = [textAlternative(words.join(" "), WEIGHT.exact), ...splits.map(pinyinAlternative)];
  // Only what cannot be read as pinyin is taken for initials: "an" is 安, not a…n….
  if (splits.length === 0 && words.length === 1 && /^[a-z]+$/.test(letters) && letters.length >= 2 && letters.length <= MAX_INITIALS) {
    alternatives.push(initialsAlternative(letters));
  }
  return { text: words.join(" "), alternatives };
}

/** Tones typed as numbers after each syllable (fa1piao4) are dropped for reading as pinyin. */
function withoutToneNumbers(word: string): string {
  return /^(?:[a-z]+[1-5])+$/.test(word) ? word.replace(/[1-5]/g, "") : word;
}
