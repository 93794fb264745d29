// The shared store: PostgreSQL through pg, for several instances behind a balancer. A pool
// reconnects by itself once the server is back; migrations run under an advisory lock so
// instances starting together apply each step once. PostgreSQL commits are durable by default
// (synchronous_commit on), so a resolved vote is on the server's disk.
import type pg from "pg";
import { type Driver, type Param, retrying } from "./driver.js";
import { MIGRATIONS, MIGRATIONS_TABLE } from "./migrations.js";
import { StoreUnavailable } from "./store.js";

/** Any number: the key only has to be the same for every instance of this site. */
const MIGRATION_LOCK = 7_160_016;

export function postgresDriver(url: string, onIdleError: (error: Error) => void): Driver {
  // pg, and undici which it loads, are a good share of start-up: only a PostgreSQL store loads
  // them, on its first query.
  let pool: Promise<pg.Pool> | undefined;
  const connect = async () => {
    pool ??= import("pg").then(({ default: { Pool } }) => {
      const created = new Pool({
        connectionString: url,
        max: 10,
        // A stopped server must fail a vote quickly (503), not hold the reader's request.
        connectionTimeoutMillis: 2000,
        query_timeout: 5000,
        idleTimeoutMillis: 10_000,
      });
      // An idle connection dropped by the server emits here; without a listener it would end the process.
      created.on("error", onIdleError);
      return created;
    });
    return (await pool).connect();
  };
  const where = redact(url);
  const fail = (error: unknown) =>
    new StoreUnavailable(`PostgreSQL ${where}: ${(error as Error)?.message ?? String(error)}`, { cause: error });

  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await connect();
    } catch (error) {
      throw fail(error);
    }
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      broken = error as Error;
      throw fail(error);
    } finally {
      // A connection that failed mid-query is closed rather than handed to the next caller.
      client.release(broken);
    }
  };
  const inTransaction = <T>(work: (client: pg.PoolClient) => Promise<T>) =>
    withClient(async (client) => {
      await client.query("BEGIN");
      try {
        const result = await work(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    });
  const ready = retrying(() =>
    inTransaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await client.query(MIGRATIONS_TABLE);
      const done = new Set((await client.query("SELECT version FROM schema_migrations")).rows.map((row) => Number(row.version)));
      for (const step of MIGRATIONS) {
        if (done.has(step.version)) continue;
        await client.query(step.postgres);
        await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
          step.version,
          step.name,
          new Date().toISOString(),
        ]);
      }
    }),
  );
  return {
    kind: "postgres",
    async all(sql, params) {
      await ready.get();
      return withClient(async (client) => (await client.query(numbered(sql), params as Param[])).rows);
    },
    async transaction(statements) {
      await ready.get();
      return inTransaction(async (client) => {
        const counts: number[] = [];
        for (const [sql, params] of statements) counts.push((await client.query(numbered(sql), params as Param[])).rowCount ?? 0);
        return counts;
      });
    },
    close: async () => {
      if (pool !== undefined) await (await pool).end();
    },
  };
}

/** queries.ts writes ?; pg wants $1, $2, …. None of our SQL has a ? inside a string. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The URL for a log line, without its password. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}
