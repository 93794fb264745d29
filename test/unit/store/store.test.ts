// One suite, both real databases: what the feedback form and the search log write is what the
// owner page and the report read back, and the schema migrates once however often it starts.
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../../src/store/store.js";
import { TARGETS } from "../../store-targets.js";

describe.each(TARGETS)("store on $name", (target) => {
  const open: Store[] = [];
  const fresh = async () => {
    const store = await target.fresh();
    open.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  it("counts votes per page, with reasons and the latest comments", async () => {
    const store = await fresh();
    const a = await store.addVote({ page: "invoice", day: "2026-03-01", helpful: true });
    const b = await store.addVote({ page: "invoice", day: "2026-03-02", helpful: false });
    await store.addVote({ page: "refund", day: "2026-03-02", helpful: false });
    expect(b).toBeGreaterThan(a);
    expect(await store.changeVote(b, "invoice", "2026-03-02", { helpful: false, reason: "unclear", comment: "<b>看不懂</b>" })).toBe(true);
    const report = await store.report("2026-03-01");
    expect(report.votes).toEqual([
      { page: "invoice", helpful: 1, unhelpful: 1, reasons: { unclear: 1 } },
      { page: "refund", helpful: 0, unhelpful: 1, reasons: {} },
    ]);
    expect(report.comments).toEqual([{ id: b, page: "invoice", day: "2026-03-02", reason: "unclear", comment: "<b>看不懂</b>" }]);
    // The period starts where asked: an earlier vote is not counted.
    expect((await store.report("2026-03-02")).votes[0]).toMatchObject({ page: "invoice", helpful: 0, unhelpful: 1 });
  });

  it("changes a vote only on its own page and day", async () => {
    const store = await fresh();
    const id = await store.addVote({ page: "invoice", day: "2026-03-01", helpful: true });
    const change = { helpful: false, reason: null, comment: null };
    expect(await store.changeVote(id, "refund", "2026-03-01", change)).toBe(false);
    expect(await store.changeVote(id, "invoice", "2026-03-02", change)).toBe(false);
    expect(await store.changeVote(id, "invoice", "2026-03-01", change)).toBe(true);
    expect((await store.report("2026-03-01")).votes).toEqual([{ page: "invoice", helpful: 0, unhelpful: 1, reasons: {} }]);
  });

  it("counts searches per day and query, no-result ones apart, and click-throughs", async () => {
    const store = await fresh();
    await store.logSearches(
      [
        { day: "2026-03-01", query: "发票", results: 2 },
        { day: "2026-03-01", query: "发票", results: 2 },
        { day: "2026-03-01", query: "火星", results: 0 },
      ],
      [{ day: "2026-03-01", query: "发票", target: "invoice" }],
    );
    await store.logSearches(
      [
        { day: "2026-03-02", query: "火星", results: 0 },
        { day: "2026-03-02", query: "发票", results: 3 },
      ],
      [
        { day: "2026-03-02", query: "发票", target: "invoice" },
        { day: "2026-03-02", query: "发票", target: "refund" },
      ],
    );
    const report = await store.report("2026-03-01");
    expect(report.topQueries).toEqual([
      { query: "发票", count: 3, results: 3 },
      { query: "火星", count: 2, results: 0 },
    ]);
    expect(report.noResults).toEqual([{ query: "火星", count: 2, results: 0 }]);
    expect(report.noResultDays).toEqual([
      { day: "2026-03-01", count: 1 },
      { day: "2026-03-02", count: 1 },
    ]);
    expect(report.clicks).toEqual([
      { query: "发票", target: "invoice", count: 2 },
      { query: "发票", target: "refund", count: 1 },
    ]);
  });

  it("purges every record of the days before a date", async () => {
    const store = await fresh();
    await store.addVote({ page: "invoice", day: "2026-01-01", helpful: true });
    await store.addVote({ page: "invoice", day: "2026-02-01", helpful: true });
    await store.logSearches([{ day: "2026-01-01", query: "a", results: 0 }], [{ day: "2026-01-01", query: "a", target: "invoice" }]);
    expect(await store.purgeBefore("2026-02-01")).toEqual({ votes: 1, searches: 1, clicks: 1 });
    const report = await store.report("2000-01-01");
    expect(report.votes).toEqual([{ page: "invoice", helpful: 1, unhelpful: 0, reasons: {} }]);
    expect(report.topQueries).toEqual([]);
  });

  it("makes one 32-byte receipt key and keeps it", async () => {
    const store = await fresh();
    const key = await store.receiptKey();
    expect(key.length).toBe(32);
    expect(await store.receiptKey()).toEqual(key);
  });
});
