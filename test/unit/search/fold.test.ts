import { describe, expect, it } from "vitest";
import { fold, foldString } from "../../../src/search/fold.js";

describe("fold", () => {
  it("turns full-width letters, digits and spaces into half-width, lower case", () => {
    expect(foldString("ＩＳＰ　１０００")).toBe("isp 1000");
  });

  it("turns traditional characters into simplified ones", () => {
    expect(foldString("發票 退費 註冊資金 全網")).toBe("发票 退费 注册资金 全网");
  });

  it("leaves simplified text as it is (the Taiwan table would turn 么 into 幺)", () => {
    const text = "怎么开发票？经营许可证需要注意哪些问题";
    expect(foldString(text)).toBe(text.replace("？", "?"));
  });

  it("drops tone marks from pinyin, and writes ü as v", () => {
    expect(foldString("fā piào")).toBe("fa piao");
    expect(foldString("nǚ lü")).toBe("nv lv");
    expect(foldString("fa\u0304")).toBe("fa"); // the tone typed as a separate combining mark
  });

  it("drops control characters", () => {
    expect(foldString("发\u0000票\u200b")).toBe("发票");
  });

  it("remembers where each folded character came from, so marks land on the text as written", () => {
    const text = "ＩＳＰ發票😀x";
    const folded = fold(text);
    expect(folded.chars.join("")).toBe("isp发票😀x");
    const at = folded.chars.indexOf("发");
    expect(text.slice(folded.start[at], folded.end[at + 1])).toBe("發票");
    const emoji = folded.chars.indexOf("😀");
    expect(text.slice(folded.start[emoji], folded.end[emoji])).toBe("😀");
  });

  it("maps a character that folds into several back to the one it came from", () => {
    const folded = fold("①号");
    expect(folded.chars).toEqual(["1", "号"]);
    expect([...folded.start]).toEqual([0, 1]);
  });
});
