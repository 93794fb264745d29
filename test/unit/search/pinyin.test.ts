import { describe, expect, it } from "vitest";
import { pinyinOf, splitPinyin } from "../../../src/search/pinyin.js";

describe("pinyinOf", () => {
  it("gives one toneless syllable per Chinese character and nothing for the rest", () => {
    expect(pinyinOf([..."isp发票，"])).toEqual([undefined, undefined, undefined, "fa", "piao", undefined]);
  });

  it("reads a polyphonic character as its most common reading, the same in content and queries", () => {
    expect(pinyinOf([..."银行行长"])).toEqual(["yin", "xing", "xing", "chang"]);
  });

  it("reads characters beyond the content, and traditional ones, for typos typed by sound", () => {
    expect(pinyinOf([..."肥飘發"])).toEqual(["fei", "piao", "fa"]);
    expect(pinyinOf([..."绿"])).toEqual(["lv"]);
  });
});

describe("splitPinyin", () => {
  const known = new Set(["fa", "piao", "xi", "an", "xian", "tui", "fei", "a", "n"]);

  it("splits a typed string into the syllables the content uses", () => {
    expect(splitPinyin("fapiao", known)).toEqual([["fa", "piao"]]);
    expect(splitPinyin("tuifei", known)).toEqual([["tui", "fei"]]);
  });

  it("keeps every reading of an ambiguous string, fewest syllables first", () => {
    expect(splitPinyin("xian", known)).toEqual([["xian"], ["xi", "an"], ["xi", "a", "n"]]);
  });

  it("finds nothing for a string that is not pinyin", () => {
    expect(splitPinyin("isp", known)).toEqual([]);
    expect(splitPinyin("invoice", known)).toEqual([]);
  });

  it("stays bounded on long strings", () => {
    const started = performance.now();
    expect(splitPinyin("xian".repeat(25), known).length).toBeLessThanOrEqual(4);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
