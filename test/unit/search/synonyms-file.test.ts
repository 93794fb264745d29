import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadSite } from "../../../src/content/load.js";
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
      `${at}: synonyms.1: expected at least two words that mean the same (got ["发票"])`,
      `${at}: synonyms.2.1: expected a word or phrase (got 1000)`,
      `${at}: synonyms.4: expected a list of words, such as [退费, 退款, refund] (got "发票")`,
      `${at}: synonyms.5.1: expected a word or phrase (got "")`,
      `${at}: synonyms.3.0: "退款" is already in synonyms.0 (expected each word in only one group)`,
    ]);
  });

  it("rejects unknown keys and broken YAML (here a repeated key) like every other content file", () => {
    expect(problemsOf(fixture("synonyms-unknown-key"))).toEqual([
      `${file("synonyms-unknown-key")}: synonym: unknown field (expected only synonyms)`,
    ]);
    expect(problemsOf(fixture("synonyms-bad-yaml"))).toEqual([
      `${file("synonyms-bad-yaml")}: invalid YAML at line 3, column 1: Map keys must be unique`,
    ]);
  });

  it("in the real content folder is valid", () => {
    expect(loadSite(CONTENT_DIR).synonyms.length).toBeGreaterThan(0);
  });
});
