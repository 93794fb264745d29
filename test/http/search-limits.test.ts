// The work one search can cause is bounded whatever is typed or however large an answer is:
// limits hold after folding (which can multiply a query's length), the terms and index keys a
// query looks up are capped, and marking looks at a bounded number of matches.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH } from "../../src/http/search-route.js";
import { foldWord } from "../../src/search/fold.js";
import { MAX_FOLDED_LENGTH, parseQuery } from "../../src/search/parse-query.js";
import { fixture, makeServer, makeSite } from "../helpers.js";
import { extendContent } from "./content-folders.js";

const app = makeServer(fixture("search")).handle;
const search = (query: string) => request(app).get(`/search?q=${encodeURIComponent(query)}`);
/** One character NFKC folds into 18 (ﷺ, a ligature of four Arabic words). */
const EXPANDING = "\uFDFA";

describe("limits after folding", () => {
  it("refuses a query short as typed but long once folded, with a message that says why", async () => {
    expect([...foldWord(EXPANDING)].length).toBeGreaterThan(10);
    const typed = EXPANDING.repeat(MAX_QUERY_LENGTH);
    for (const url of [`/search?q=${encodeURIComponent(typed)}`, `/search?q=${encodeURIComponent(EXPANDING.repeat(10))}`]) {
      const res = await request(app).get(url);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/搜索词太长：最多 100 个字，您输入的内容中有特殊符号，展开后共 \d+ 个字。/);
    }
    const json = await request(app).get(`/search.json?q=${encodeURIComponent(typed)}`);
    expect(json.status).toBe(400);
    expect(json.body.error).toContain("搜索词太长");
  });

  it("still searches a query whose folded form is within the limit", async () => {
    expect((await search(`发票${EXPANDING}`)).status).toBe(200);
  });

  it("bounds the terms and index keys any query reaches, even past the route's check", () => {
    const { search: built } = makeSite(fixture("search"));
    for (const hostile of [
      EXPANDING.repeat(MAX_QUERY_LENGTH),
      Array.from({ length: 300 }, (_, i) => `w${i}`).join(" "),
      "发票开具退款申请材料许可证".repeat(20),
      "zhong guo ".repeat(60),
    ]) {
      const terms = parseQuery(hostile, built.index);
      expect(terms.length).toBeLessThanOrEqual(24);
      const keys = terms.reduce((sum, term) => sum + term.alternatives.reduce((n, a) => n + a.keys.length, 0), 0);
      // The last term kept may take the total a little past the budget (160), never far.
      expect(keys).toBeLessThanOrEqual(160 + MAX_FOLDED_LENGTH);
    }
  });
});

describe("an answer of more than a megabyte", () => {
  const dir = extendContent();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Just under the content check's 1 MB limit, the word appears some 160,000 times: marking
  // every occurrence once took the whole list as call arguments and overflowed the stack (a
  // 500 on every matching search).
  const line = `${"发票".repeat(80)}\n\n`;
  const body = line.repeat(Math.floor((0.95 * 1024 * 1024) / Buffer.byteLength(line)));
  writeFileSync(
    path.join(dir, "questions", "huge-answer.md"),
    ["---", "order: 999", "question: 很长的回答里的发票抬头？", "summary: 摘要。", "updated: 2020-11-27", "---", body].join("\n"),
  );
  const big = makeServer(dir).handle;

  it("is found and marked, and the search answers 200", async () => {
    expect(Buffer.byteLength(body)).toBeGreaterThan(0.9 * 1024 * 1024);
    for (const url of ["/search?q=%E5%8F%91%E7%A5%A8", "/search.json?q=%E5%8F%91%E7%A5%A8"]) {
      const res = await request(big).get(url);
      expect(res.status, url).toBe(200);
      expect(res.text).toMatch(/\/questions\/huge-answer|to=huge-answer/);
    }
    const res = await request(big).get("/search.json?q=%E5%8F%91%E7%A5%A8");
    const hit = (res.body.results as Array<{ url: string; snippet: Array<{ text: string; mark: boolean }> }>).find(
      (result) => result.url === "/questions/huge-answer",
    );
    expect(hit?.snippet.some((part) => part.mark && part.text.includes("发票"))).toBe(true);
    expect(hit?.snippet.map((part) => part.text).join("").length).toBeLessThan(200);
  }, 60_000);
});
