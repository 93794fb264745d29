// The one storage interface for what readers tell us: votes with their reasons and comments,
// and the per-day search log. Two implementations (sqlite.ts, postgres.ts) run the same SQL
// (queries.ts) and the same versioned migrations (migrations.ts); test/unit/store runs one
// suite against both real databases.

/** A day as YYYY-MM-DD in UTC: the unit the log counts in and retention deletes by. */
export type Day = string;

export const REASONS = ["wrong", "unsolved", "unclear", "outdated", "other"] as const;
export type Reason = (typeof REASONS)[number];

export interface NewVote {
  readonly page: string;
  readonly day: Day;
  readonly helpful: boolean;
}

/** A change to a vote already counted: the same reader changing their mind, or adding why. */
export interface VoteChange {
  readonly helpful: boolean;
  readonly reason: Reason | null;
  readonly comment: string | null;
}

/** One search as the page logged it: the folded query and how many questions it found. */
export interface SearchEntry {
  readonly day: Day;
  readonly query: string;
  readonly results: number;
}

/** A reader opened `target` (a question slug) from the results for `query`. */
export interface ClickEntry {
  readonly day: Day;
  readonly query: string;
  readonly target: string;
}

export interface PageVotes {
  readonly page: string;
  readonly helpful: number;
  readonly unhelpful: number;
  readonly reasons: Readonly<Partial<Record<Reason, number>>>;
}

export interface Comment {
  readonly id: number;
  readonly page: string;
  readonly day: Day;
  readonly reason: Reason | null;
  readonly comment: string;
}

export interface QueryCount {
  readonly query: string;
  readonly count: number;
  /** Results the query found the last time it was searched in the period. */
  readonly results: number;
}

export interface DayCount {
  readonly day: Day;
  readonly count: number;
}

export interface QueryClick {
  readonly query: string;
  readonly target: string;
  readonly count: number;
}

/** Everything the owner page and `npm run report` show, for the days from `since` on. */
export interface Report {
  readonly since: Day;
  readonly votes: readonly PageVotes[];
  readonly comments: readonly Comment[];
  /** Queries that found nothing, most frequent first, and how many such searches per day. */
  readonly noResults: readonly QueryCount[];
  readonly noResultDays: readonly DayCount[];
  readonly topQueries: readonly QueryCount[];
  readonly clicks: readonly QueryClick[];
}

export interface Purged {
  readonly votes: number;
  readonly searches: number;
  readonly clicks: number;
}

export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Resolves once the vote is committed to disk; rejects with StoreUnavailable otherwise. */
  addVote(vote: NewVote): Promise<number>;
  /** Changes vote `id` if it is on `page` and `day`; false when there is no such vote. */
  changeVote(id: number, page: string, day: Day, change: VoteChange): Promise<boolean>;
  /** Adds a batch of searches and click-throughs in one transaction, counting per day. */
  logSearches(searches: readonly SearchEntry[], clicks: readonly ClickEntry[]): Promise<void>;
  report(since: Day, limits?: { readonly comments?: number; readonly queries?: number }): Promise<Report>;
  /** Deletes every record of a day before `day`. */
  purgeBefore(day: Day): Promise<Purged>;
  /** The key receipts are signed with: made once per store, so every instance sharing it agrees. */
  receiptKey(): Promise<Buffer>;
  close(): Promise<void>;
}

/** The database could not be reached or written; the message says why, for the operator's log. */
export class StoreUnavailable extends Error {
  override name = "StoreUnavailable";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function dayOf(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/** The first day of a period of `days` days ending today. */
export function periodStart(days: number, now = new Date()): Day {
  return dayOf(new Date(now.getTime() - (days - 1) * 86_400_000));
}
