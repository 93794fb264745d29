// Terms from a run of Chinese characters: words as Intl.Segmenter finds them, with question
// words and particles set apart, since they say nothing about what a reader is looking for.
import { type Term, textTerm } from "./alternatives.js";

/**
 * Question words and particles: in a query they say nothing about the topic, and left in they
 * would send 如何退款 to the one question whose title has 如何. Used only when a query has
 * nothing else.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  "的 了 吗 呢 吧 啊 呀 么 是 有 和 与 及 或 在 我 我们 你 您 请问 请 如何 怎么 怎样 怎么样 什么 哪些 哪个 哪里 为什么 是否 能否 能不能 可以 可不可以 多少 几 一下".split(
    " ",
  ),
);

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Words from the segmenter; single characters it leaves next to each other are one term (开|票 → 开票). */
export function chineseTerms(run: string): { terms: Term[]; stopWords: Term[] } {
  const terms: Term[] = [];
  const stopWords: Term[] = [];
  let singles = "";
  const flush = () => {
    if (singles !== "") terms.push(textTerm(singles));
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
      terms.push(textTerm(segment));
    }
  }
  flush();
  return { terms, stopWords };
}
