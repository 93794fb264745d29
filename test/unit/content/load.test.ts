import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadSite } from "../../../src/content/load.js";
import { CONTENT_DIR, fixture } from "../../helpers.js";

/** The problems loadSite reports for a fixture folder, with paths as the owner sees them. */
function problemsOf(name: string): readonly string[] {
  try {
    loadSite(fixture(name));
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error(`${name} loaded without problems`);
}

const at = (name: string, file: string) => path.relative(process.cwd(), path.join(fixture(name), file));

describe("loadSite", () => {
  it("loads the real content: every question file in order, URLs from file names, every page", () => {
    const site = loadSite(CONTENT_DIR);
    const slugsIn = (folder: string) =>
      readdirSync(path.join(CONTENT_DIR, folder))
        .filter((name) => name.endsWith(".md"))
        .map((name) => name.slice(0, -3));
    expect(site.questions.map((q) => q.slug).sort()).toEqual(slugsIn("questions").sort());
    expect(site.questions.map((q) => q.url)).toEqual(site.questions.map((q) => `/questions/${q.slug}`));
    const orders = site.questions.map((q) => q.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(site.pages.map((p) => [p.slug, p.url])).toEqual(slugsIn("pages").map((slug) => [slug, `/${slug}`]));
    expect(Object.keys(site.facts).sort()).toEqual(
      expect.arrayContaining(["description", "documentVersion", "product", "publisher", "source", "title"]),
    );
  });

  it("takes a fifth question from nothing but a fifth file", () => {
    const site = loadSite(fixture("five-questions"));
    expect(site.questions).toHaveLength(5);
    expect(site.questions[4]).toMatchObject({ slug: "icp-filing", url: "/questions/icp-filing", question: "如何办理ICP备案？", order: 5 });
    expect(site.questions[4]?.html).toContain("<p>第五个问题的答案：先完成ISP许可证。</p>");
  });

  it("rejects malformed YAML, naming the file and the line", () => {
    expect(problemsOf("bad-yaml")).toEqual([
      `${at("bad-yaml", "questions/broken.md")}:3: YAML：格式有误 — 请对照其他文件检查这一行（Flow sequence in block collection must be sufficiently indented and end with a ]）`,
    ]);
  });

  it("rejects duplicate orders in both files", () => {
    const alpha = at("duplicate-order", "questions/alpha.md");
    const beta = at("duplicate-order", "questions/beta.md");
    expect(problemsOf("duplicate-order")).toEqual([
      `${alpha}:2: order: 1 已被 ${beta} 使用 — 请给每个问题一个不同的序号`,
      `${beta}:2: order: 1 已被 ${alpha} 使用 — 请给每个问题一个不同的序号`,
    ]);
  });

  it("rejects a missing field", () => {
    expect(problemsOf("missing-field")).toEqual([
      `${at("missing-field", "questions/no-summary.md")}: summary: 缺少这个字段 — 请写一句话的摘要`,
    ]);
  });

  it("rejects an unknown field and lists the allowed ones", () => {
    expect(problemsOf("unknown-field")).toEqual([
      `${at("unknown-field", "questions/extra.md")}:6: author: 不认识的字段 — 请检查拼写，可用的字段只有 order, question, summary, updated, aliases`,
    ]);
  });

  it("rejects a file name that is not a URL-safe slug", () => {
    expect(problemsOf("bad-slug")).toEqual([
      `${at("bad-slug", "questions/Invoice Help.md")}: 文件名：“Invoice Help.md”不能用作网址 — 请只用小写字母、数字和单个连字符，例如 invoice.md`,
    ]);
  });

  it("rejects an empty body", () => {
    expect(problemsOf("empty-body")).toEqual([
      `${at("empty-body", "questions/empty.md")}:7: 正文：为空 — 请在 front matter 的 --- 之后写回答`,
    ]);
  });

  it("rejects a level-1 heading and an unknown callout, with the file's line numbers", () => {
    const file = at("h1-in-body", "questions/h1.md");
    expect(problemsOf("h1-in-body")).toEqual([
      `${file}:7: 正文：不能用一级标题（#） — 请从 ## 开始；问题或标题已是页面唯一的一级标题`,
      `${file}:9: 提示框：不认识“::: 提示” — 请改用 危险, 警告, 注意, 说明 之一`,
    ]);
  });

  it("reports an unknown callout outside code on its line, and not the same words shown in a code block", () => {
    expect(problemsOf("unknown-callout")).toEqual([
      `${at("unknown-callout", "questions/unknown.md")}:13: 提示框：不认识“::: 小贴士” — 请改用 危险, 警告, 注意, 说明 之一`,
    ]);
  });

  it("rejects a word in two synonym groups when search folds the two spellings into one", () => {
    const file = at("synonyms-folded", "synonyms.yml");
    expect(problemsOf("synonyms-folded")).toEqual([
      `${file}:4: synonyms.1.0: “发票”已在第 1 组（synonyms.0）里 — 一个词只能放在一组，请删掉其中一处`,
      `${file}:6: synonyms.3.0: “money-back”已在第 3 组（synonyms.2）里 — 一个词只能放在一组，请删掉其中一处`,
      `${file}:8: synonyms.5.0: “vat”已在第 5 组（synonyms.4）里 — 一个词只能放在一组，请删掉其中一处`,
    ]);
  });

  it("reports every problem in every file at once", () => {
    const site = (file: string) => at("many-problems", file);
    expect(problemsOf("many-problems")).toEqual([
      `${site("site.yml")}: publisher: 缺少这个字段 — 请写出发布者的名称`,
      `${site("site.yml")}: documentVersion: 缺少这个字段 — 请写出 8 位数字的文档版本，例如 "20201127"`,
      `${site("site.yml")}: description: 缺少这个字段 — 请写一句话介绍这个网站`,
      `${site("questions/a.md")}:2: order: 值不对（现在是 "two"） — 请写一个正整数，例如 3`,
      `${site("questions/a.md")}:4: summary: 为空 — 请写一句话的摘要`,
      `${site("questions/a.md")}:5: updated: 值不对（现在是 "2020-13-45"） — 请写成 YYYY-MM-DD 格式的真实日期，例如 2020-11-27`,
      `${site("questions/b.md")}:4: YAML：格式有误 — 请对照其他文件检查这一行（Flow sequence in block collection must be sufficiently indented and end with a ]）`,
      `${site("questions/c.md")}:7: 正文：为空 — 请在 front matter 的 --- 之后写回答`,
    ]);
  });

  it("says how many problems there are in the error's message", () => {
    expect(() => loadSite(fixture("duplicate-order"))).toThrow(/^内容有 2 个问题，请逐一修改后再试：\n {2}/);
  });

  it("rejects a content folder with no questions folder", () => {
    const missing = fixture("no-such-folder");
    const problems = (() => {
      try {
        loadSite(missing);
        return [];
      } catch (error) {
        return (error as ContentError).problems;
      }
    })();
    expect(problems).toContain(
      `${path.relative(process.cwd(), path.join(missing, "questions"))}: 文件夹：找不到 — 请建立这个文件夹，每个问题放一个 Markdown 文件`,
    );
  });
});
