import { describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../../src/search/build-index.js";
import { parseQuery, WEIGHT } from "../../../src/search/parse-query.js";
import { makeQuestion } from "./make-question.js";

const index = buildSearchIndex(
  [makeQuestion("invoice", "如何获取发票？", "在控制台索取发票。"), makeQuestion("refund", "是否支持退费？", "不予退款。")],
  [
    ["退费", "退款", "refund"],
    ["注册资金", "注册资本", "registered capital"],
  ],
);
const texts = (query: string) => parseQuery(query, index).map((term) => term.text);

describe("parseQuery", () => {
  it("splits Chinese into words with the segmenter and leaves out question words", () => {
    expect(texts("全网ISP和省网ISP有什么区别")).toEqual(["全网", "isp", "省网", "区别"]);
  });

  it("joins single characters the segmenter leaves side by side (开|票 → 开票)", () => {
    expect(texts("开票主体")).toEqual(["开票", "主体"]);
  });

  it("cuts a query around a synonym, so the synonym is one term with its group as alternatives", () => {
    expect(texts("如何退款")).toEqual(["退款"]);
    const [term] = parseQuery("退款", index);
    expect(term?.alternatives.map((alt) => [alt.keys, alt.weight])).toEqual([
      [["b:退费"], WEIGHT.synonym],
      [["b:退款"], WEIGHT.exact],
      [["w:refund"], WEIGHT.synonym],
    ]);
  });

  it("finds English synonyms only as whole words, phrases included", () => {
    expect(texts("registered capital")).toEqual(["registered capital"]);
    expect(texts("refunding")).toEqual(["refunding"]);
  });

  it("reads Latin letters as pinyin, joining syllables typed apart", () => {
    expect(texts("fa piao")).toEqual(["fa piao"]);
    expect(texts("ISP fa piao")).toEqual(["isp", "fa piao"]);
    const [term] = parseQuery("fapiao", index);
    expect(term?.alternatives.map((alt) => alt.keys)).toEqual([["w:fapiao"], ["q:fa piao"]]);
  });

  it("takes tone marks and tone numbers off pinyin", () => {
    for (const query of ["fā piào", "fa1piao4", "FaPiao"]) {
      expect(parseQuery(query, index)[0]?.alternatives.some((alt) => alt.keys.includes("q:fa piao"))).toBe(true);
    }
  });

  it("tries initials only for letters that cannot be read as pinyin", () => {
    const [fp] = parseQuery("fp", index);
    expect(fp?.alternatives.map((alt) => [alt.keys, alt.weight])).toEqual([
      [["w:fp"], WEIGHT.exact],
      [["i:fp"], WEIGHT.initials],
    ]);
    const [fa] = parseQuery("fa", index);
    expect(fa?.alternatives.some((alt) => alt.weight === WEIGHT.initials)).toBe(false);
  });

  it("treats full-width, traditional, spaces and punctuation like the plain query", () => {
    expect(texts("  ＩＳＰ　發票？！ ")).toEqual(texts("isp 发票"));
  });

  it("keeps question words when there is nothing else", () => {
    expect(texts("什么")).toEqual(["什么"]);
  });

  it("gives no terms for punctuation and regular-expression characters alone", () => {
    for (const query of [".*", "(", "[-", "\\", "$^|?+", "\u0000", ""]) expect(texts(query)).toEqual([]);
  });

  it("bounds the number of terms however long the query", () => {
    expect(parseQuery(Array.from({ length: 60 }, (_, i) => `w${i}`).join(" "), index).length).toBe(24);
  });
});
