// The embedded default: one SQLite file under DATA_DIR through better-sqlite3. WAL lets the
// report script read while the server writes; synchronous=FULL makes each commit fsync the
// WAL, so a vote acknowledged to a reader survives a power cut, not only a crash (NORMAL
// would survive kill -9 but could lose the last commits on power loss). Writes are few
// (votes, and one batched search-log transaction a second), so the fsync is affordable:
// `npm run bench -- --feedback` measures it.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { type Driver, type Param, retrying } from "./driver.js";
import { MIGRATIONS, MIGRATIONS_TABLE } from "./migrations.js";
import { StoreUnavailable } from "./store.js";

export const SQLITE_FILE = "feedback.sqlite";

export function sqliteDriver(dataDir: string): Driver {
  const file = path.join(dataDir, SQLITE_FILE);
  const db = retrying(async () => {
    try {
      mkdirSync(dataDir, { recursive: true });
      // Loaded with the first write, not at start-up: the addon is not needed to serve a page.
      const { default: Sqlite } = await import("better-sqlite3");
      const handle = new Sqlite(file);
      try {
        handle.pragma("journal_mode = WAL");
        handle.pragma("synchronous = FULL");
        // The report script and the server may write at once; wait for each other briefly.
        handle.pragma("busy_timeout = 5000");
        migrate(handle);
      } catch (error) {
        handle.close();
        throw error;
      }
      return handle;
    } catch (error) {
      throw unavailable(file, error);
    }
  });
  // A failed statement may mean the file went away or read-only: reopen on the next call.
  const guarded = async <T>(work: (handle: Database.Database) => T): Promise<T> => {
    const handle = await db.get();
    try {
      return work(handle);
    } catch (error) {
      db.reset();
      try {
        handle.close();
      } catch {}
      throw unavailable(file, error);
    }
  };
  return {
    kind: "sqlite",
    all: (sql, params) => guarded((handle) => handle.prepare(sql).all(...(params as Param[])) as Record<string, unknown>[]),
    transaction: (statements) =>
      guarded((handle) =>
        handle.transaction(() => statements.map(([sql, params]) => handle.prepare(sql).run(...(params as Param[])).changes))(),
      ),
    async close() {
      try {
        (await db.get()).close();
      } catch {}
      db.reset();
    },
  };
}

function migrate(handle: Database.Database): void {
  handle.exec(MIGRATIONS_TABLE);
  // IMMEDIATE takes the write lock first, so two processes starting at once migrate in turn.
  handle
    .transaction(() => {
      const done = new Set(
        handle
          .prepare("SELECT version FROM schema_migrations")
          .all()
          .map((row) => (row as { version: number }).version),
      );
      for (const step of MIGRATIONS) {
        if (done.has(step.version)) continue;
        handle.exec(step.sqlite);
        handle
          .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
          .run(step.version, step.name, new Date().toISOString());
      }
    })
    .immediate();
}

function unavailable(file: string, error: unknown): StoreUnavailable {
  const reason = error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}` : String(error);
  return new StoreUnavailable(`SQLite ${file}: ${reason}`, { cause: error });
}
