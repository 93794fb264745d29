// Terms from a run of Chinese characters: words as Intl.Segmenter finds them, with question
// words and particles set apart, since they say nothing about what a reader is looking for.
// Each word of two characters or more may also match by sound, for the commonest typing
// error: the input method's wrong character for the right pinyin (发飘 for 发票).
import { soundsLikeAlternative, type Term, textTerm } from "./alternatives.js";
import { KEY } from "./keys.js";
import { syllableOf } from "./pinyin.js";
import type { Postings } from "./postings.js";

/**
 * Question words, particles and the verbs of asking (能, 想, 要…): in a query they say nothing
 * about the topic, and left in they would send 如何退款 to the one question whose title has
 * 如何, or keep 能退吗 from finding 退费. Used only when a query has nothing else.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "的 地 得 了 吗 呢 吧 啊 呀 么 嘛 呗 哦 是 有 和 与 及 或 在 我 我们 你 您 你们 请问 请 如何 怎么 怎样 怎么样 怎么办 咋 咋办 " +
    "什么 啥 哪 哪些 哪个 哪里 哪儿 为什么 是否 能否 能不能 能 会 可 可以 可不可以 可否 还 还能 还可以 要 想 想问 问 问一下 " +
    "一下 多少 几 应该 该 已经 是不是 有没有 弄 搞"
  ).split(" "),
);

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Words from the segmenter; single characters it leaves next to each other are one term (开|票 → 开票). */
export function chineseTerms(run: string, postings: Postings): { terms: Term[]; stopWords: Term[] } {
  const terms: Term[] = [];
  const stopWords: Term[] = [];
  let singles = "";
  const flush = () => {
    if (singles !== "") terms.push(chineseTerm(singles, postings));
    singles = "";
  };
  for (const { segment } of segmenter.segment(run)) {
    if (STOP_WORDS.has(segment)) {
      flush();
      stopWords.push(textTerm(segment));
    } else if ([...segment].length === 1) {
      singles += segment;
    } else {
      flush();
      terms.push(chineseTerm(segment, postings));
    }
  }
  flush();
  return { terms, stopWords };
}

/**
 * A word as written, and, from two characters up, by the sound of all its characters in a row:
 * only when the content does not have it as written (some pair of its characters is nowhere),
 * so a correctly typed word costs nothing more and finds no homophones of itself.
 */
function chineseTerm(word: string, postings: Postings): Term {
  const term = textTerm(word);
  const chars = [...word];
  const syllables = chars.map(syllableOf);
  if (syllables.length < 2 || syllables.some((syllable) => syllable === undefined)) return term;
  if (chars.slice(1).every((ch, i) => postings.get(`${KEY.charPair}${chars[i]}${ch}`) !== undefined)) return term;
  return { ...term, alternatives: [...term.alternatives, soundsLikeAlternative(syllables as string[])] };
}
