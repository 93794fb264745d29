import { describe, expect, it } from "vitest";
import { createSearch } from "../../../src/search/search.js";
import { makeQuestion } from "./make-question.js";

const slugs = (search: ReturnType<typeof createSearch>, query: string) => search.search(query, 20).results.map((r) => r.question.slug);

describe("ranking", () => {
  it("puts a title match above answer-body matches, however many", () => {
    const search = createSearch(
      [makeQuestion("body", "服务说明", "发票一、发票二、发票三都在这里。"), makeQuestion("title", "如何获取发票？", "在控制台操作。")],
      [],
    );
    expect(slugs(search, "发票")).toEqual(["title", "body"]);
  });

  it("puts a question matching more query terms above one matching fewer, even in its title", () => {
    const search = createSearch(
      [
        makeQuestion("one-in-title", "如何获取发票？", "在控制台操作。"),
        makeQuestion("both-in-body", "服务说明", "发票可以索取，服务费不予退费。"),
      ],
      [],
    );
    expect(slugs(search, "发票 退费")).toEqual(["both-in-body", "one-in-title"]);
  });

  it("matches part of a word, below a question with the whole word", () => {
    const search = createSearch(
      [makeQuestion("part", "管理系统", "内容。"), makeQuestion("whole", "通信管理局", "内容。"), makeQuestion("none", "其他", "内容。")],
      [],
    );
    expect(slugs(search, "管理局")).toEqual(["whole", "part"]);
  });

  it("prefers a question that has the query as a whole word over one that has it across words", () => {
    const search = createSearch([makeQuestion("across", "展开发票", "内容。"), makeQuestion("word", "怎样开发软件", "内容。")], []);
    expect(slugs(search, "开发")).toEqual(["word", "across"]);
  });

  it("needs initials as one run, not pairs scattered over the text", () => {
    const search = createSearch([makeQuestion("scattered", "发票与票证", "内容。"), makeQuestion("run", "发票证明", "内容。")], []);
    expect(slugs(search, "fpz")).toEqual(["run"]);
  });

  it("finds a question through the owner's synonyms, and through pinyin of its words", () => {
    const search = createSearch([makeQuestion("refund", "是否支持退费？", "内容。")], [["退费", "退款", "refund"]]);
    expect(slugs(search, "退款")).toEqual(["refund"]);
    expect(slugs(search, "Refund")).toEqual(["refund"]);
    expect(slugs(search, "tuifei")).toEqual(["refund"]);
    expect(createSearch([makeQuestion("refund", "是否支持退费？", "内容。")], []).search("退款", 20).total).toBe(0);
  });

  it("returns nothing when nothing matches, and counts all matches when the list is cut", () => {
    const questions = Array.from({ length: 30 }, (_, i) => makeQuestion(`q${i}`, `问题${i}关于发票`, "内容。"));
    const search = createSearch(questions, []);
    expect(search.search("天气预报", 20)).toEqual({ total: 0, results: [] });
    const cut = search.search("发票", 5);
    expect(cut.total).toBe(30);
    expect(cut.results).toHaveLength(5);
  });
});
