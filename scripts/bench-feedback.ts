// `npm run bench:feedback`: what feedback costs, in one run against the built server on loopback.
//   1. page req/s and p99 (wrk, /questions/invoice) alone, then with 200 votes/s and 2,000
//      searches/s sent alongside by this process (target: within 10%); rounds interleaved.
//   2. votes/s the server sustains, end to end (wrk POSTing the form), on SQLite and, with
//      --database-url (or TEST_DATABASE_URL), on PostgreSQL.
//   3. the database size per million search-log rows, each row a distinct query (the worst case).
// Bounded: every phase runs for --duration seconds; the size phase writes --rows rows.
// Needs: wrk (Debian package wrk).
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, openSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import pg from "pg";
import { createLog } from "../src/log.js";
import { openStore } from "../src/store/open.js";
import { SQLITE_FILE } from "../src/store/sqlite.js";
import { dayOf } from "../src/store/store.js";
import { freePort } from "./free-port.js";
import { serverArgs } from "./server-command.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const WRK = "/usr/bin/wrk";
const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    rows: { type: "string", default: "200000" },
    "database-url": { type: "string", default: process.env.TEST_DATABASE_URL },
  },
});
const duration = Math.min(30, Math.max(1, Number(values.duration)));
const rounds = Math.min(10, Math.max(1, Number(values.rounds)));
const rows = Math.min(2_000_000, Math.max(1000, Number(values.rows)));
const work = mkdtempSync(path.join(os.tmpdir(), "faq-bench-fb-"));
const children: ChildProcess[] = [];
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

async function startServer(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, serverArgs(ROOT), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: "warn", VOTE_LIMIT: "1000000", ...env },
    stdio: ["ignore", openSync("/dev/null", "w"), "inherit"],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return base;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("server did not start");
}

interface Result {
  rps: number;
  p99: number;
}
const ms = (text = "") => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text);
  return match ? Number(match[1]) * ({ us: 0.001, ms: 1, s: 1000 } as const)[match[2] as "us" | "ms" | "s"] : Number.NaN;
};
async function wrk(url: string, seconds: number, script?: string): Promise<Result> {
  const args = ["-t1", "-c50", `-d${seconds}s`, "--latency", ...(script ? ["-s", script] : []), url];
  const { stdout } = await promisify(execFile)(WRK, args, { timeout: (seconds + 60) * 1000 });
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]), p99: ms(/ 99%\s+(\S+)/.exec(stdout)?.[1]) };
}

/** At most this many requests of one kind in flight: a machine that cannot keep up sends fewer, and says so. */
const MAX_IN_FLIGHT = 100;

/** Sends `perSecond` requests a second, spread over 10 ms ticks, until stopped; counts answers and skipped sends. */
function paced(perSecond: number, send: (i: number) => Promise<Response>) {
  let due = 0;
  let inFlight = 0;
  let ok = 0;
  let failed = 0;
  let skipped = 0;
  const started = Date.now();
  const timer = setInterval(() => {
    const target = Math.floor(((Date.now() - started) / 1000) * perSecond);
    for (; due < target; due++) {
      if (inFlight >= MAX_IN_FLIGHT) {
        skipped++;
        continue;
      }
      inFlight++;
      send(due)
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status < 400) ok++;
          else failed++;
        })
        .catch(() => failed++)
        .finally(() => inFlight--);
    }
  }, 10);
  return () => {
    clearInterval(timer);
    return { ok, failed, skipped, seconds: (Date.now() - started) / 1000 };
  };
}

const WORDS = ["发票", "退费", "备案", "许可证", "资质", "fapiao", "isp", "材料", "火星", "审核", "周期", "价格"];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function pagesWithFeedback(): Promise<void> {
  const base = await startServer({ DATA_DIR: path.join(work, "pages") });
  const page = `${base}/questions/invoice`;
  await wrk(page, 1); // warm-up
  const alone: Result[] = [];
  const alongside: Result[] = [];
  let side = { votes: 0, searches: 0, failed: 0, skipped: 0 };
  for (let round = 0; round < rounds; round++) {
    alone.push(await wrk(page, duration));
    const stopVotes = paced(200, () =>
      fetch(`${base}/feedback`, { method: "POST", body: new URLSearchParams({ page: "invoice", vote: "yes" }), redirect: "manual" }),
    );
    const stopSearches = paced(2000, (i) => fetch(`${base}/search?q=${encodeURIComponent(`${WORDS[i % WORDS.length]}${i % 97}`)}`));
    alongside.push(await wrk(page, duration));
    const votes = stopVotes();
    const searches = stopSearches();
    side = {
      votes: votes.ok / votes.seconds,
      searches: searches.ok / searches.seconds,
      failed: votes.failed + searches.failed,
      skipped: votes.skipped + searches.skipped,
    };
  }
  const a = { rps: median(alone.map((r) => r.rps)), p99: median(alone.map((r) => r.p99)) };
  const b = { rps: median(alongside.map((r) => r.rps)), p99: median(alongside.map((r) => r.p99)) };
  console.log("\n1. Page /questions/invoice, wrk -c50, median of", rounds, "rounds of", duration, "s");
  console.table([
    { run: "pages alone", "req/s": Math.round(a.rps), "p99 ms": a.p99.toFixed(2) },
    { run: "with votes + searches", "req/s": Math.round(b.rps), "p99 ms": b.p99.toFixed(2) },
  ]);
  console.log(
    `   alongside (last round): ${side.votes.toFixed(0)} votes/s and ${side.searches.toFixed(0)} searches/s answered, ${side.failed} failed, ${side.skipped} not sent (over ${MAX_IN_FLIGHT} in flight); page req/s ${(((b.rps - a.rps) / a.rps) * 100).toFixed(1)}%`,
  );
}

async function votesPerSecond(name: string, env: Record<string, string>): Promise<void> {
  const base = await startServer(env);
  const script = path.join(work, "vote.lua");
  writeFileSync(
    script,
    'wrk.method = "POST"\nwrk.body = "page=invoice&vote=yes"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n',
  );
  const result = await wrk(`${base}/feedback`, duration, script);
  console.log(
    `2. Votes end to end on ${name}: ${Math.round(result.rps)} votes/s, p99 ${result.p99.toFixed(1)} ms (wrk -c50, ${duration} s)`,
  );
}

async function sizePerMillion(): Promise<void> {
  const day = dayOf(new Date());
  const batch = (start: number) =>
    Array.from({ length: 5000 }, (_, i) => ({ day, query: `查询${start + i} isp 许可证`, results: (start + i) % 5 }));
  const sqliteDir = path.join(work, "size");
  const sqlite = openStore({ dataDir: sqliteDir }, createLog("silent"));
  for (let n = 0; n < rows; n += 5000) await sqlite.logSearches(batch(n), []);
  await sqlite.close(); // closing checkpoints the WAL into the file
  const bytes = statSync(path.join(sqliteDir, SQLITE_FILE)).size;
  console.log(
    `3. SQLite: ${(((bytes / rows) * 1e6) / 1048576).toFixed(0)} MB per million search-log rows (${rows} rows written, distinct queries)`,
  );
  const url = values["database-url"];
  if (url === undefined) return;
  const name = `faq_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const store = openStore({ dataDir: "unused", databaseUrl: own.toString() }, createLog("silent"));
  await store.logSearches([], []);
  const probe = new pg.Client({ connectionString: own.toString() });
  await probe.connect();
  const before = Number((await probe.query("SELECT pg_database_size(current_database()) AS size")).rows[0].size);
  for (let n = 0; n < rows; n += 5000) await store.logSearches(batch(n), []);
  await probe.query("VACUUM ANALYZE searches");
  const after = Number((await probe.query("SELECT pg_database_size(current_database()) AS size")).rows[0].size);
  await probe.end();
  await store.close();
  await admin.query(`DROP DATABASE ${name}`);
  await admin.end();
  console.log(`   PostgreSQL: ${((((after - before) / rows) * 1e6) / 1048576).toFixed(0)} MB per million search-log rows`);
}

console.log(
  `load average before: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${os.cpus().length} CPUs`,
);
await pagesWithFeedback();
await votesPerSecond("SQLite (WAL, synchronous=FULL)", { DATA_DIR: path.join(work, "votes") });
if (values["database-url"] !== undefined) await votesPerSecond("PostgreSQL", { DATABASE_URL: values["database-url"] });
await sizePerMillion();
console.log(
  `load average after: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
process.exit(0);
