import { describe, expect, it } from "vitest";
import type { Part } from "../../../src/search/highlight.js";
import { createSearch } from "../../../src/search/search.js";
import { makeQuestion } from "./make-question.js";

/** Parts written with [brackets] for marks, so expectations read like the page. */
const show = (parts: readonly Part[] | undefined) => (parts ?? []).map((part) => (part.mark ? `[${part.text}]` : part.text)).join("");

describe("marks and snippets", () => {
  const long = `${"前言。".repeat(30)}在控制台索取發票，发票寄送到地址。${"后记。".repeat(30)}`;
  const search = createSearch(
    [makeQuestion("invoice", "如何获取发票？", long, "摘要。"), makeQuestion("isp", "ISP与ISPs", "crisp ISP isp。")],
    [],
  );
  const first = (query: string) => search.search(query, 1).results[0];

  it("marks the match in the title and cuts the snippet around it, with ellipses", () => {
    const result = first("发票");
    expect(show(result?.title)).toBe("如何获取[发票]？");
    const snippet = show(result?.snippet);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet).toContain("索取[發票]，[发票]寄送");
    expect([...snippet.replace(/[[\]…]/g, "")].length).toBeLessThanOrEqual(90);
  });

  it("marks the text as written when the query was folded (traditional, pinyin, initials)", () => {
    expect(show(first("fapiao")?.snippet)).toContain("[發票]，[发票]");
    expect(show(first("fp")?.title)).toBe("如何获取[发票]？");
  });

  it("marks Latin words only where they stand alone", () => {
    expect(show(first("isp")?.title)).toBe("[ISP]与ISPs");
    expect(show(first("isp")?.snippet)).toBe("crisp [ISP] [isp]。");
  });

  it("falls back to the summary, then to the start of the answer", () => {
    const other = createSearch([makeQuestion("q", "标题", "正文没有那个词。", "摘要提到退费。")], []);
    expect(show(other.search("退费", 1).results[0]?.snippet)).toBe("摘要提到[退费]。");
    expect(show(other.search("标题", 1).results[0]?.snippet)).toBe("正文没有那个词。");
  });

  it("keeps every character of the query as text, never as markup", () => {
    const html = createSearch([makeQuestion("q", "关于<b>标签</b>", "文本 <script>alert(1)</script>")], []);
    const result = html.search("<script> 标签", 1).results[0];
    expect(result?.snippet.filter((part) => part.mark).map((part) => part.text)).toEqual(["script", "script"]);
    expect(show(result?.title)).toBe("关于<b>[标签]</b>");
  });
});
