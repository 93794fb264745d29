import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, checkContent, loadSite } from "../../../src/content/load.js";
import { displayPath } from "../../../src/content/report.js";
import { createSearch } from "../../../src/search/search.js";
import { CONTENT_DIR, fixture } from "../../helpers.js";

function problemsOf(dir: string): readonly string[] {
  try {
    loadSite(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error(`${dir} loaded without problems`);
}

const file = (dir: string) => path.relative(process.cwd(), path.join(fixture(dir), "synonyms.yml"));

describe("content/synonyms.yml", () => {
  it("is read from the content folder and used by search, so the owner edits synonyms without code", () => {
    const site = loadSite(fixture("synonyms"));
    expect(site.synonyms).toEqual([["退费", "退款", "Money Back"]]);
    const search = createSearch(site.questions, site.synonyms);
    expect(search.search("退款", 5).results.map((r) => r.question.slug)).toEqual(["refund"]);
    expect(search.search("money back", 5).results.map((r) => r.question.slug)).toEqual(["refund"]);
  });

  it("is optional: without it, search matches words as written", () => {
    expect(loadSite(fixture("valid")).synonyms).toEqual([]);
  });

  it("reports every problem at once, naming the file and the group", () => {
    const at = file("bad-synonyms");
    expect(problemsOf(fixture("bad-synonyms"))).toEqual([
      `${at}:3: synonyms.1: 值不对（现在是 ["发票"]） — 一组里至少要有两个意思相同的词`,
      `${at}:4: synonyms.2.1: 值不对（现在是 1000） — 请写一个词或短语`,
      `${at}:6: synonyms.4: 值不对（现在是 "发票"） — 请写成一组词，例如 [退费, 退款, refund]`,
      `${at}:7: synonyms.5.1: 为空 — 请写一个词或短语`,
      `${at}:5: synonyms.3.0: “退款”已在第 1 组（synonyms.0）里 — 一个词只能放在一组，请删掉其中一处`,
    ]);
  });

  it("says so when a Chinese comma made a group one word", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faq-synonyms-"));
    cpSync(fixture("valid"), dir, { recursive: true });
    writeFileSync(path.join(dir, "synonyms.yml"), "synonyms:\n  - [发票，报销，invoice]\n  - [退费、退款]\n");
    try {
      expect(checkContent(dir).problems).toEqual([
        `${displayPath(path.join(dir, "synonyms.yml"))}:2: synonyms.0: 值不对（现在是 ["发票，报销，invoice"]） — 词之间用了中文逗号“，”或顿号“、”，整组被当成了一个词 — 请改用英文逗号加空格，例如 [发票, 报销, invoice]`,
        `${displayPath(path.join(dir, "synonyms.yml"))}:3: synonyms.1: 值不对（现在是 ["退费、退款"]） — 词之间用了中文逗号“，”或顿号“、”，整组被当成了一个词 — 请改用英文逗号加空格，例如 [发票, 报销, invoice]`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects unknown keys and broken YAML (here a repeated key) like every other content file", () => {
    expect(problemsOf(fixture("synonyms-unknown-key"))).toEqual([
      `${file("synonyms-unknown-key")}:1: synonym: 不认识的字段 — 请检查拼写，可用的字段只有 synonyms`,
    ]);
    expect(problemsOf(fixture("synonyms-bad-yaml"))).toEqual([
      `${file("synonyms-bad-yaml")}:3: YAML：同一个字段写了两次 — 如果这一行本该属于上面的某个字段，请照那个字段的其他行缩进；真的写重了，才删掉其中一个（Map keys must be unique）`,
    ]);
  });

  it("in the real content folder is valid", () => {
    expect(loadSite(CONTENT_DIR).synonyms.length).toBeGreaterThan(0);
  });
});
