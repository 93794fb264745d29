// The search log through the app: a results page logs its folded query and result count, a
// result link logs the click-through and redirects only to a question of this site; nothing
// is written on the request's path, and a store that fails costs one warning per batch.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { dayOf } from "../../src/store/store.js";
import { makeFeedbackApp, sqliteStores } from "../feedback-helpers.js";

const sqlite = sqliteStores("faq-log-");
const today = () => dayOf(new Date());

describe("the search log", () => {
  it("counts folded queries with their result counts, written in a batch after the request", async () => {
    const store = sqlite();
    const { handle, feedback } = makeFeedbackApp(store);
    await request(handle).get("/search").query({ q: "发票" }).expect(200);
    await request(handle).get("/search").query({ q: "發票" }).expect(200);
    await request(handle).get("/search").query({ q: "ＺＺＺＱＸ火星" }).expect(200);
    // The as-you-type JSON is not logged: it would count every prefix.
    await request(handle).get("/search.json").query({ q: "发" }).expect(200);
    await feedback.searchLog.flush();
    const report = await store.report(today());
    const invoice = report.topQueries.find((row) => row.query === "发票");
    expect(invoice?.count).toBe(2);
    expect(invoice?.results).toBeGreaterThan(0);
    expect(report.noResults).toEqual([{ query: "zzzqx火星", count: 1, results: 0 }]);
  });

  it("logs the result a reader opened and redirects to it, and never redirects anywhere else", async () => {
    const store = sqlite();
    const { handle, feedback, slug } = makeFeedbackApp(store);
    const res = await request(handle).get("/search/go").query({ q: "发票", to: slug });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/questions/${slug}`);
    for (const to of ["https://evil.example", "//evil.example", "/questions/../owner", "no-such-question"]) {
      const refused = await request(handle).get("/search/go").query({ q: "x", to });
      expect(refused.status, to).toBe(404);
      expect(refused.headers.location).toBeUndefined();
    }
    await feedback.searchLog.flush();
    expect((await store.report(today())).clicks).toEqual([{ query: "发票", target: slug, count: 1 }]);
  });

  it("drops a batch the store refuses with one warning, and writes the next one when the store is back", async () => {
    const blocker = path.join(mkdtempSync(path.join(os.tmpdir(), "faq-log-")), "file");
    const { writeFileSync, rmSync, mkdirSync } = await import("node:fs");
    writeFileSync(blocker, "not a folder");
    const store = sqlite(path.join(blocker, "data"));
    const { handle, feedback, log } = makeFeedbackApp(store);
    for (let i = 0; i < 20; i++) await request(handle).get("/search").query({ q: "发票" }).expect(200);
    await feedback.searchLog.flush();
    const warnings = log.filter((line) => line.msg === "search log batch dropped: the store is unavailable");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, searches: 20 });
    rmSync(blocker);
    mkdirSync(blocker);
    await request(handle).get("/search").query({ q: "发票" }).expect(200);
    await feedback.searchLog.flush();
    expect((await store.report(today())).topQueries.map((row) => [row.query, row.count])).toEqual([["发票", 1]]);
  });
});
