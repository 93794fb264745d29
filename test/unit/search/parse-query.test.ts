// How a query is read, seen through what it finds: which words become terms, how synonyms,
// pinyin and initials widen them, and which of the ways a term matches counts more.
import { describe, expect, it } from "vitest";
import { parseQuery } from "../../../src/search/parse-query.js";
import { createSearch } from "../../../src/search/search.js";
import { makeQuestion } from "./make-question.js";

const SYNONYMS = [
  ["退费", "退款", "refund"],
  ["注册资金", "注册资本", "registered capital"],
];
/** Searches questions given as slug → title (each with the same short answer), in that order. */
const finder = (titles: Record<string, string>) => {
  const questions = Object.entries(titles).map(([slug, title]) => makeQuestion(slug, title, "内容。"));
  const search = createSearch(questions, SYNONYMS);
  return (query: string) => search.search(query, 50).results.map((result) => result.question.slug);
};
const QUESTION_WORDS = { networks: "全网和省网的区别", what: "什么是许可证？" };

describe("reading a query", () => {
  it("leaves out question words, so a question sharing only them is not found", () => {
    const find = finder(QUESTION_WORDS);
    expect(find("全网ISP和省网ISP有什么区别")).toEqual(["networks"]);
    expect(find("如何退款")).toEqual([]);
  });

  it("keeps question words when there is nothing else", () => {
    const find = finder(QUESTION_WORDS);
    expect(find("什么")).toEqual(["what"]);
  });

  it("splits Chinese into words, each a term of its own", () => {
    const find = finder({ some: "全网省网的资质", all: "全网省网的区别", one: "版本区别" });
    // Read as one run, 全网省网区别 would need most of its pairs; as words, 全网省网 alone finds
    // "some", below "all"; 区别 alone is too little of the query (rank.ts, MIN_SHARE).
    expect(find("全网省网区别")).toEqual(["all", "some"]);
  });

  it("joins single characters the segmenter leaves side by side (开|票 → 开票)", () => {
    const find = finder({ together: "主体如何开票", apart: "开通后领取票据" });
    expect(find("开票主体")).toEqual(["together"]);
  });

  it("cuts a query around a synonym, and finds its group, the word as written first", () => {
    const find = finder({ fee: "是否支持退费？", money: "是否支持退款？", english: "Refund policy", invoice: "如何获取发票？" });
    expect(find("退款")).toEqual(["money", "fee", "english"]);
    expect(find("退费")).toEqual(["fee", "money", "english"]);
    // 如何 is cut off and dropped, so the invoice question (如何获取发票) is not found.
    expect(find("如何退款")).toEqual(["money", "fee", "english"]);
  });

  it("finds English synonyms only as whole words, phrases included", () => {
    const find = finder({ capital: "注册资本要求", fee: "是否支持退费？" });
    expect(find("registered capital")).toEqual(["capital"]);
    expect(find("refunding")).toEqual([]);
  });

  it("reads Latin letters as pinyin, joining syllables typed apart into one term", () => {
    const find = finder({
      invoice: "如何获取发票？",
      "isp-invoice": "ISP如何开发票",
      scattered: "发送后领取票据",
      latin: "关于 fapiao 一词",
    });
    // One term: the scattered 发…票 does not count, as it would for separate terms fa and piao.
    expect(find("fa piao")).toEqual(["invoice", "isp-invoice"]);
    expect(find("ISP fa piao")).toEqual(["isp-invoice", "invoice"]);
    // Also tried as the Latin word it is, which counts more than its pinyin reading.
    expect(find("fapiao")).toEqual(["latin", "invoice", "isp-invoice"]);
  });

  it("takes tone marks, tone numbers and capitals off pinyin", () => {
    const find = finder({ invoice: "如何获取发票？" });
    for (const query of ["fā piào", "fa1piao4", "FaPiao"]) expect(find(query), query).toEqual(["invoice"]);
  });

  it("tries initials only for letters that cannot be read as pinyin, below the word as written", () => {
    const find = finder({ invoice: "如何获取发票？", word: "FP 指什么", "initials-fa": "分案处理" });
    expect(find("fp")).toEqual(["word", "invoice"]);
    // fa reads as pinyin (发), so the f…a of 分案 is not tried.
    expect(find("fa")).toEqual(["invoice"]);
  });

  it("treats full-width, traditional, spaces and punctuation like the plain query", () => {
    const search = createSearch(
      [makeQuestion("invoice", "如何获取发票？", "在控制台索取發票。"), makeQuestion("isp", "ISP 是什么", "内容。")],
      SYNONYMS,
    );
    const plain = search.search("isp 发票", 50);
    expect(plain.total).toBe(2);
    expect(search.search("  ＩＳＰ　發票？！ ", 50)).toEqual(plain);
  });

  it("finds nothing for punctuation and regular-expression characters alone", () => {
    const search = createSearch([makeQuestion("symbols", "符号 .* ( [- \\ $^|?+", "内容。")], SYNONYMS);
    for (const query of [".*", "(", "[-", "\\", "$^|?+", "\u0000", ""])
      expect(search.search(query, 50), query).toEqual({ total: 0, results: [] });
  });

  it("bounds the number of terms however long the query: only the first 24 words count", () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const { index } = createSearch([makeQuestion("all", `问题 ${words.join(" ")}`, "内容。")], []);
    expect(parseQuery(words.join(" "), index).map((term) => term.text)).toEqual(words.slice(0, 24));
  });
});

describe("forgiving queries, and no confident wrong answers", () => {
  const marks = (search: ReturnType<typeof createSearch>, query: string) =>
    search.search(query, 50).results.map((result) => result.title.filter((part) => part.mark).map((part) => part.text));

  it("finds a word typed with the wrong character for the right sound, and marks the word found", () => {
    const search = createSearch([makeQuestion("invoice", "如何获取发票？", "内容。"), makeQuestion("drift", "发飘的原因", "内容。")], []);
    const find = (query: string) => search.search(query, 50).results.map((result) => result.question.slug);
    // 漂 and 肥 occur nowhere in the content: their sound still comes from the table.
    expect(find("发漂")).toEqual(["invoice", "drift"]);
    expect(marks(search, "发漂")).toEqual([["发票"], ["发飘"]]);
    // A word the content has as written is only that word, not its homophones.
    expect(find("发飘")).toEqual(["drift"]);
    expect(find("发票")).toEqual(["invoice"]);
  });

  it("finds pinyin with one letter wrong, missing, extra or swapped, but only as a whole run of syllables", () => {
    const find = finder({ invoice: "如何获取发票？", refund: "是否支持退费？" });
    for (const typo of ["fapaio", "fapio", "fappiao", "fapiso"]) expect(find(typo), typo).toEqual(["invoice"]);
    expect(find("tuifie")).toEqual(["refund"]);
    expect(find("xyzzy")).toEqual([]);
  });

  it("never matches English function words, as pinyin or at all, and reads a run with them as English", () => {
    const find = finder({ aliyun: "阿里云的发票", safety: "安全须知", refund: "是否支持退费？", can: "参加" });
    expect(find("a")).toEqual([]);
    expect(find("an")).toEqual([]);
    // "can" would be 参 as pinyin; next to "I" it is English, and only refund is a topic here.
    expect(find("can I get a refund")).toEqual(["refund"]);
    expect(find("an quan")).toEqual(["safety"]);
  });

  it("answers only with questions that hold at least half the query", () => {
    const find = finder({ consulting: "咨询服务如何获取发票？", domain: "申请材料", notes: "内容" });
    // 服务 is only a fragment of 服务器, and 价格 is nowhere.
    expect(find("服务器价格")).toEqual([]);
    expect(find("服务")).toEqual(["consulting"]);
    // The title's 发票 is half of 发票抬头.
    expect(find("发票抬头")).toEqual(["consulting"]);
    expect(find("发票抬头格式")).toEqual([]);
  });
});
