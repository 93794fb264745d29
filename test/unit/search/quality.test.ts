// The search quality set (quality.yml) over the real content: the share of queries that put
// the expected question first is printed per kind and overall, must be at least 95% overall,
// every expected question must be somewhere in its query's results, and a query with no
// answer must return nothing at all.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadSite } from "../../../src/content/load.js";
import { createSearch } from "../../../src/search/search.js";
import { CONTENT_DIR } from "../../helpers.js";

interface Case {
  kind: string;
  query: string;
  expected: string | null;
}

const cases = parse(readFileSync(new URL("quality.yml", import.meta.url), "utf8")) as Case[];
const site = loadSite(CONTENT_DIR);
const search = createSearch(site.questions, site.synonyms);
const run = (query: string) => search.search(query, 50).results.map((result) => result.question.slug);

describe("search quality set", () => {
  it("has at least 40 queries covering every kind of matching", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(cases.map((c) => c.kind));
    for (const kind of [
      "word",
      "partial word",
      "synonym",
      "english",
      "pinyin",
      "initials",
      "mixed",
      "full-width",
      "traditional",
      "punctuation",
      "no answer",
      "homophone typo",
      "pinyin typo",
      "whole sentence",
      "english question",
      "colloquial word",
    ]) {
      expect(kinds).toContain(kind);
    }
    const slugs = new Set(site.questions.map((q) => q.slug));
    for (const c of cases) if (c.expected !== null) expect(slugs, `${c.query} expects an existing question`).toContain(c.expected);
  });

  it("puts the expected question first for at least 95% of queries", () => {
    const hit = (c: Case) => (c.expected === null ? run(c.query).length === 0 : run(c.query)[0] === c.expected);
    const misses = cases.filter((c) => !hit(c));
    const share = (cases.length - misses.length) / cases.length;
    const kinds = [...new Set(cases.map((c) => c.kind))].map((kind) => {
      const of = cases.filter((c) => c.kind === kind);
      return `\n  ${kind}: ${of.filter(hit).length}/${of.length}`;
    });
    console.log(
      `Search quality: ${cases.length - misses.length}/${cases.length} queries (${(share * 100).toFixed(1)}%) put the expected question first` +
        kinds.join("") +
        misses.map((c) => `\n  miss: ${JSON.stringify(c.query)} → ${JSON.stringify(run(c.query))}, expected ${c.expected}`).join(""),
    );
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it("returns nothing for a query the site cannot answer", () => {
    for (const c of cases) if (c.expected === null) expect(run(c.query), c.query).toEqual([]);
  });

  it("returns every expected question somewhere in the results", () => {
    for (const c of cases) if (c.expected !== null) expect(run(c.query), c.query).toContain(c.expected);
  });
});
