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
    expect(Object.keys(site.facts).sort()).toEqual(["description", "documentVersion", "product", "publisher", "title"]);
  });

  it("takes a fifth question from nothing but a fifth file", () => {
    const site = loadSite(fixture("five-questions"));
    expect(site.questions).toHaveLength(5);
    expect(site.questions[4]).toMatchObject({ slug: "icp-filing", url: "/questions/icp-filing", question: "如何办理ICP备案？", order: 5 });
    expect(site.questions[4]?.html).toContain("<p>第五个问题的答案：先完成ISP许可证。</p>");
  });

  it("rejects malformed YAML, naming the file and the line", () => {
    expect(problemsOf("bad-yaml")).toEqual([
      `${at("bad-yaml", "questions/broken.md")}: front matter: invalid YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it("rejects duplicate orders in both files", () => {
    const alpha = at("duplicate-order", "questions/alpha.md");
    const beta = at("duplicate-order", "questions/beta.md");
    expect(problemsOf("duplicate-order")).toEqual([
      `${alpha}: order: 1 is also used by ${beta} (expected a unique order)`,
      `${beta}: order: 1 is also used by ${alpha} (expected a unique order)`,
    ]);
  });

  it("rejects a missing field", () => {
    expect(problemsOf("missing-field")).toEqual([
      `${at("missing-field", "questions/no-summary.md")}: summary: expected a one-sentence summary (missing)`,
    ]);
  });

  it("rejects an unknown field and lists the allowed ones", () => {
    expect(problemsOf("unknown-field")).toEqual([
      `${at("unknown-field", "questions/extra.md")}: author: unknown field (expected only order, question, summary, updated)`,
    ]);
  });

  it("rejects a file name that is not a URL-safe slug", () => {
    expect(problemsOf("bad-slug")).toEqual([
      `${at("bad-slug", "questions/Invoice Help.md")}: file name: "Invoice Help.md" is not a URL-safe slug (expected lowercase letters, digits and single hyphens, such as invoice.md)`,
    ]);
  });

  it("rejects an empty body", () => {
    expect(problemsOf("empty-body")).toEqual([
      `${at("empty-body", "questions/empty.md")}: body: empty (expected the answer in Markdown after the front matter)`,
    ]);
  });

  it("rejects a level-1 heading and an unknown callout, with the file's line numbers", () => {
    const file = at("h1-in-body", "questions/h1.md");
    expect(problemsOf("h1-in-body")).toEqual([
      `${file}: body: line 7: a level-1 heading (#) is not allowed; the question or title is the page's only h1, so start at ##`,
      `${file}: body: line 9: unknown callout "::: 提示" (expected one of 危险, 警告, 注意, 说明)`,
    ]);
  });

  it("reports an unknown callout outside code on its line, and not the same words shown in a code block", () => {
    expect(problemsOf("unknown-callout")).toEqual([
      `${at("unknown-callout", "questions/unknown.md")}: body: line 13: unknown callout "::: 小贴士" (expected one of 危险, 警告, 注意, 说明)`,
    ]);
  });

  it("rejects a word in two synonym groups when search folds the two spellings into one", () => {
    const file = at("synonyms-folded", "synonyms.yml");
    expect(problemsOf("synonyms-folded")).toEqual([
      `${file}: synonyms.1.0: "发票" is already in synonyms.0 (expected each word in only one group)`,
      `${file}: synonyms.3.0: "money-back" is already in synonyms.2 (expected each word in only one group)`,
      `${file}: synonyms.5.0: "vat" is already in synonyms.4 (expected each word in only one group)`,
    ]);
  });

  it("reports every problem in every file at once", () => {
    const site = (file: string) => at("many-problems", file);
    expect(problemsOf("many-problems")).toEqual([
      `${site("site.yml")}: publisher: expected the publisher's name (missing)`,
      `${site("site.yml")}: documentVersion: expected a version such as "20201127" (missing)`,
      `${site("site.yml")}: description: expected a one-sentence description of the site (missing)`,
      `${site("questions/a.md")}: order: expected a positive integer (got "two")`,
      `${site("questions/a.md")}: summary: expected a one-sentence summary (got "")`,
      `${site("questions/a.md")}: updated: expected a date such as 2020-11-27 (got "2020-13-45")`,
      `${site("questions/b.md")}: front matter: invalid YAML at line 3, column 12: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${site("questions/c.md")}: body: empty (expected the answer in Markdown after the front matter)`,
    ]);
  });

  it("says how many problems there are in the error's message", () => {
    expect(() => loadSite(fixture("duplicate-order"))).toThrow(/^Content has 2 problems:\n {2}/);
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
      `${path.relative(process.cwd(), path.join(missing, "questions"))}: folder not found (expected one Markdown file per question)`,
    );
  });
});
