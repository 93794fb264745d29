// The exported site's browser search against the server's: every query of the search quality
// set, over the real content and over generated questions, run through the server's createSearch
// and through the bundled browser engine (esbuild's output, with its small tables in place of
// opencc-js and pinyin-pro) over the serialised index. The same top result for every query,
// and the same marked results.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { writeSyntheticContent } from "../../../scripts/synthetic-content.js";
import type { StaticSearch } from "../../../src/browser/engine.js";
import { loadSite } from "../../../src/content/load.js";
import { bundleSearch } from "../../../src/export/bundle.js";
import { createSearch } from "../../../src/search/search.js";
import { serialiseIndex } from "../../../src/search/serialise.js";
import { CONTENT_DIR } from "../../helpers.js";

const cases = parse(readFileSync(new URL("../search/quality.yml", import.meta.url), "utf8")) as Array<{ query: string }>;
const work = mkdtempSync(path.join(tmpdir(), "faq-agreement-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function bundledEngine(): Promise<{ staticSearch: typeof import("../../../src/browser/engine.js").staticSearch }> {
  const file = path.join(work, `engine-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, await bundleSearch({ indexUrl: "", tablesUrl: "", pageLimit: 20, suggestLimit: 8 }, "engine.ts"));
  return import(pathToFileURL(file).href);
}

async function compare(contentDir: string, queries: readonly string[]) {
  const site = loadSite(contentDir);
  const server = createSearch(site.questions, site.synonyms);
  // Through JSON, as the browser receives it.
  const { index, tables } = JSON.parse(JSON.stringify(serialiseIndex(server.index, site.synonyms)));
  const browser: StaticSearch = (await bundledEngine()).staticSearch(index, tables);
  let sameTop = 0;
  for (const query of queries) {
    const fromServer = server.search(query, 20);
    const fromBrowser = browser.search(query, 20);
    if (fromServer.results[0]?.question.url === fromBrowser.results[0]?.url) sameTop++;
    expect({ query, total: fromBrowser.total, results: fromBrowser.results }).toEqual({
      query,
      total: fromServer.total,
      results: fromServer.results.map(({ question, title, snippet }) => ({
        url: question.url,
        question: question.question,
        title,
        snippet,
      })),
    });
  }
  return sameTop;
}

describe("the exported site's browser search", () => {
  it("puts the same question first as the server for every query of the quality set, with the same results", async () => {
    const queries = cases.map((c) => c.query);
    const sameTop = await compare(CONTENT_DIR, queries);
    console.log(`search agreement, real content: ${sameTop}/${queries.length} queries with the same top result`);
    expect(sameTop).toBe(queries.length);
  }, 60_000);

  it("agrees over generated questions too, where polyphonic readings and repeats are many", async () => {
    const dir = path.join(work, "synthetic");
    writeSyntheticContent(CONTENT_DIR, dir, 60);
    const queries = [...cases.map((c) => c.query), "第12问", "行长", "银行"];
    expect(await compare(dir, queries)).toBe(queries.length);
  }, 60_000);
});
