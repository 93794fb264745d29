// `npm run bench:feedback`: what feedback costs, in one run against the built server on loopback.
//   1. page req/s and p99 (wrk, /questions/invoice) alone, then with up to 200 votes/s and
//      2,000 searches/s sent alongside by two paced wrk processes, once to a server writing them
//      to its store and once to one whose store is unavailable (target: the writes cost pages
//      within 10%); rounds interleaved.
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
  /** Answers with a status of 400 or more (wrk's "Non-2xx or 3xx responses"). */
  non2xx: number;
}
const ms = (text = "") => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text);
  return match ? Number(match[1]) * ({ us: 0.001, ms: 1, s: 1000 } as const)[match[2] as "us" | "ms" | "s"] : Number.NaN;
};
async function wrk(url: string, seconds: number, script?: string, connections = 50): Promise<Result> {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", ...(script ? ["-s", script] : []), url];
  const { stdout } = await promisify(execFile)(WRK, args, { timeout: (seconds + 60) * 1000 });
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
    p99: ms(/ 99%\s+(\S+)/.exec(stdout)?.[1]),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0),
  };
}

/** The page whose throughput is measured. */
const PAGE = "/questions/invoice";
const WORDS = ["发票", "退费", "备案", "许可证", "资质", "fapiao", "isp", "材料", "火星", "审核", "周期", "价格"];

/**
 * wrk scripts that pace their connections: each waits `delay` ms before its next request, so
 * `connections` of them send at most connections × 1000 / delay requests a second (fewer when
 * answers are slow; the rate reached is reported). wrk rather than this process: a sender in
 * Node costs more CPU than the requests it sends, on a machine the server shares.
 */
function pacedScripts(): { votes: string; searches: string } {
  const votes = voteScript("votes-paced.lua", PACE.votes.delayMs);
  const searches = path.join(work, "searches-paced.lua");
  const words = WORDS.map((word) => `"${encodeURIComponent(word)}"`).join(", ");
  writeFileSync(
    searches,
    `local words = { ${words} }\nlocal i = 0\nfunction request()\n  i = i + 1\n  return wrk.format("GET", "/search?q=" .. words[(i % #words) + 1] .. (i % 97))\nend\nfunction delay() return ${PACE.searches.delayMs} end\n`,
  );
  return { votes, searches };
}

/** A wrk script POSTing the vote form; with `delayMs`, each connection waits that long between votes. */
function voteScript(name: string, delayMs?: number): string {
  const file = path.join(work, name);
  const form =
    'wrk.method = "POST"\nwrk.body = "page=invoice&vote=yes"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n';
  writeFileSync(file, delayMs === undefined ? form : `${form}function delay() return ${delayMs} end\n`);
  return file;
}

/** The rates: 200 votes and 2,000 searches a second at most. */
const PACE = { votes: { connections: 20, delayMs: 100 }, searches: { connections: 100, delayMs: 50 } } as const;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Pages under wrk with votes and searches sent alongside by two paced wrk processes. */
async function pagesAlongside(base: string, scripts: { votes: string; searches: string }) {
  const [pages, votes, searches] = await Promise.all([
    wrk(`${base}${PAGE}`, duration),
    wrk(`${base}/feedback`, duration, scripts.votes, PACE.votes.connections),
    wrk(`${base}/search`, duration, scripts.searches, PACE.searches.connections),
  ]);
  return { pages, side: `${Math.round(votes.rps)} votes/s (${votes.non2xx} not 2xx/3xx) and ${Math.round(searches.rps)} searches/s` };
}

/**
 * Three runs per round, interleaved: pages alone; pages with votes and searches alongside,
 * written to the store; the same alongside a server whose store is unavailable (its data
 * directory cannot be made), where votes get a quick 503 and search batches are dropped. On a
 * 2-core machine the page wrk, the two paced wrk senders and the server share the CPU, so the votes and
 * searches cost pages throughput whatever the store does; the last two runs differ only in
 * the writes, which is what the target is about.
 */
async function pagesWithFeedback(): Promise<void> {
  const writing = await startServer({ DATA_DIR: path.join(work, "pages") });
  const blocked = path.join(work, "not-a-folder");
  writeFileSync(blocked, "a file where the data folder should be\n");
  const unwritable = await startServer({ DATA_DIR: path.join(blocked, "data") });
  const page = (base: string) => `${base}${PAGE}`;
  await wrk(page(writing), 1); // warm-up
  await wrk(page(unwritable), 1);
  const scripts = pacedScripts();
  const runs = { alone: [] as Result[], writing: [] as Result[], unwritable: [] as Result[] };
  const side = { writing: "", unwritable: "" };
  for (let round = 0; round < rounds; round++) {
    runs.alone.push(await wrk(page(writing), duration));
    for (const [arm, base] of [
      ["writing", writing],
      ["unwritable", unwritable],
    ] as const) {
      const { pages, side: sent } = await pagesAlongside(base, scripts);
      runs[arm].push(pages);
      side[arm] = sent;
    }
  }
  const summary = (results: Result[]) => ({ rps: median(results.map((r) => r.rps)), p99: median(results.map((r) => r.p99)) });
  const [a, w, u] = [summary(runs.alone), summary(runs.writing), summary(runs.unwritable)];
  const change = (x: { rps: number }, y: { rps: number }) => `${(((x.rps - y.rps) / y.rps) * 100).toFixed(1)}%`;
  console.log(`\n1. Page ${PAGE}, wrk -c50, median of`, rounds, "rounds of", duration, "s");
  console.table([
    { run: "pages alone", "req/s": Math.round(a.rps), "p99 ms": a.p99.toFixed(2) },
    { run: "with votes + searches, store writing", "req/s": Math.round(w.rps), "p99 ms": w.p99.toFixed(2) },
    { run: "with votes + searches, store unavailable", "req/s": Math.round(u.rps), "p99 ms": u.p99.toFixed(2) },
  ]);
  console.log(`   alongside, store writing (last round): ${side.writing}`);
  console.log(`   alongside, store unavailable (last round): ${side.unwritable}`);
  console.log(
    `   page req/s: ${change(w, a)} against pages alone (the CPU the alongside traffic takes); ${change(w, u)} writing against unavailable, p99 ${(w.p99 / u.p99).toFixed(2)}× (what the writes cost pages; target within 10%: req/s ${w.rps >= u.rps * 0.9 ? "ok" : "MISSED"}, p99 ${w.p99 <= u.p99 * 1.1 ? "ok" : "MISSED"})`,
  );
}

async function votesPerSecond(name: string, env: Record<string, string>): Promise<void> {
  const base = await startServer(env);
  const script = voteScript("vote.lua");
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
