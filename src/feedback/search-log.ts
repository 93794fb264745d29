// The search log, kept off the request path: a search adds an entry to memory, and a timer
// writes the entries in one transaction every second, sooner when SEARCH_BATCH entries are
// waiting, and once more on a graceful stop. When the store fails, the batch is dropped with
// one warning (not one per search), and the next batch tries again.
import type { Logger } from "pino";
import { type ClickEntry, dayOf, type SearchEntry, type Store } from "../store/store.js";

export const FLUSH_MS = 1000;
export const SEARCH_BATCH = 500;
/** Never hold more than this while the store is slow: beyond it, searches go unlogged. */
const MAX_WAITING = 20_000;

export interface SearchLog {
  search(query: string, results: number): void;
  click(query: string, target: string): void;
  /** Writes what is waiting; resolves when written or dropped. */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
}

export function searchLog(store: Store, logger: Logger, now: () => Date = () => new Date()): SearchLog {
  let searches: SearchEntry[] = [];
  let clicks: ClickEntry[] = [];
  let writing: Promise<void> = Promise.resolve();
  let overflow = 0;

  const flush = () => {
    writing = writing.then(async () => {
      if (searches.length === 0 && clicks.length === 0) return;
      const batch = { searches, clicks };
      searches = [];
      clicks = [];
      try {
        await store.logSearches(batch.searches, batch.clicks);
      } catch (error) {
        logger.warn(
          { err: error, searches: batch.searches.length, clicks: batch.clicks.length, unlogged: overflow },
          "search log batch dropped: the store is unavailable",
        );
      }
      overflow = 0;
    });
    return writing;
  };
  const timer = setInterval(() => void flush(), FLUSH_MS);
  timer.unref();
  const add = (push: () => void) => {
    if (searches.length + clicks.length >= MAX_WAITING) {
      overflow++;
      return;
    }
    push();
    if (searches.length + clicks.length === SEARCH_BATCH) void flush();
  };
  return {
    search: (query, results) => add(() => searches.push({ day: dayOf(now()), query, results })),
    click: (query, target) => add(() => clicks.push({ day: dayOf(now()), query, target })),
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
