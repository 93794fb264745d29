// The Store over either driver: the same SQL, the same shapes back (PostgreSQL returns sums
// as strings; SQLite as numbers), the same errors.
import type { Driver, Row } from "./driver.js";
import { SQL } from "./queries.js";
import { REASONS, type Reason, type Report, type Store, StoreUnavailable } from "./store.js";

const num = (value: unknown) => Number(value ?? 0);

export function sqlStore(driver: Driver): Store {
  const wrap = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw error instanceof StoreUnavailable
        ? error
        : new StoreUnavailable(`${driver.kind}: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    kind: driver.kind,
    addVote: (vote) =>
      wrap(async () => {
        const [row] = await driver.all(SQL.addVote, [vote.page, vote.day, vote.helpful ? 1 : 0]);
        return num(row?.id);
      }),
    changeVote: (id, page, day, change) =>
      wrap(async () => {
        const [changed] = await driver.transaction([
          [SQL.changeVote, [change.helpful ? 1 : 0, change.reason, change.comment, id, page, day]],
        ]);
        return changed === 1;
      }),
    logSearches: (searches, clicks) =>
      wrap(async () => {
        // Fold repeats within the batch first: one upsert per (day, query) instead of per search.
        const folded = new Map<string, { day: string; query: string; results: number; count: number }>();
        for (const { day, query, results } of searches) {
          const key = `${day}\u0000${query}`;
          const seen = folded.get(key);
          if (seen) {
            seen.count++;
            seen.results = results;
          } else folded.set(key, { day, query, results, count: 1 });
        }
        const clickCounts = new Map<string, { day: string; query: string; target: string; count: number }>();
        for (const { day, query, target } of clicks) {
          const key = `${day}\u0000${query}\u0000${target}`;
          const seen = clickCounts.get(key);
          if (seen) seen.count++;
          else clickCounts.set(key, { day, query, target, count: 1 });
        }
        await driver.transaction([
          ...[...folded.values()].map((s) => [SQL.logSearch, [s.day, s.query, s.results, s.count]] as const),
          ...[...clickCounts.values()].map((c) => [SQL.logClick, [c.day, c.query, c.target, c.count]] as const),
        ]);
      }),
    report: (since, limits = {}) =>
      wrap(async (): Promise<Report> => {
        const comments = limits.comments ?? 20;
        const queries = limits.queries ?? 20;
        const [votes, reasons, commentRows, noResults, noResultDays, topQueries, clicks] = await Promise.all([
          driver.all(SQL.pageVotes, [since]),
          driver.all(SQL.pageReasons, [since]),
          driver.all(SQL.comments, [since, comments]),
          driver.all(SQL.noResults, [since, queries]),
          driver.all(SQL.noResultDays, [since]),
          driver.all(SQL.queries, [since, since, queries]),
          driver.all(SQL.clicks, [since, queries * 5]),
        ]);
        const reasonsOf = new Map<string, Partial<Record<Reason, number>>>();
        for (const row of reasons) {
          const reason = row.reason as Reason;
          if (!REASONS.includes(reason)) continue;
          const counts = reasonsOf.get(String(row.page)) ?? {};
          counts[reason] = num(row.count);
          reasonsOf.set(String(row.page), counts);
        }
        const queryCount = (row: Row) => ({ query: String(row.query), count: num(row.count), results: num(row.results) });
        return {
          since,
          votes: votes.map((row) => ({
            page: String(row.page),
            helpful: num(row.helpful),
            unhelpful: num(row.unhelpful),
            reasons: reasonsOf.get(String(row.page)) ?? {},
          })),
          comments: commentRows.map((row) => ({
            id: num(row.id),
            page: String(row.page),
            day: String(row.day),
            reason: (row.reason as Reason | null) ?? null,
            comment: String(row.comment),
          })),
          noResults: noResults.map(queryCount),
          noResultDays: noResultDays.map((row) => ({ day: String(row.day), count: num(row.count) })),
          topQueries: topQueries.map(queryCount),
          clicks: clicks.map((row) => ({ query: String(row.query), target: String(row.target), count: num(row.count) })),
        };
      }),
    purgeBefore: (day) =>
      wrap(async () => {
        const [votes = 0, searches = 0, clicks = 0] = await driver.transaction([
          [SQL.purgeVotes, [day]],
          [SQL.purgeSearches, [day]],
          [SQL.purgeClicks, [day]],
        ]);
        return { votes, searches, clicks };
      }),
    receiptKey: () =>
      wrap(async () => {
        const [row] = await driver.all(SQL.receiptKey, []);
        return Buffer.from(String(row?.value ?? ""), "hex");
      }),
    close: () => driver.close(),
  };
}
