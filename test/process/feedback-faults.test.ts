// Faults against the real server in a child process. kill -9 in the middle of a burst of
// votes loses none that were acknowledged (SQLite, synchronous=FULL). With PostgreSQL stopped
// mid-run, pages and search still answer, a vote gets the 503 page in Chinese, the search log
// drops each batch with one warning, and everything works again once PostgreSQL is back.
import { execSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { SQLITE_FILE } from "../../src/store/sqlite.js";
import { makeSite } from "../helpers.js";
import { type Child, spawnEntry } from "./spawn.js";

let child: Child | undefined;
afterEach(() => {
  if (child?.process.exitCode === null) child.process.kill("SIGKILL");
});
const slug = makeSite().site.questions[0]?.slug as string;

async function start(env: Record<string, string>): Promise<number> {
  child = spawnEntry("src/server.ts", { PORT: "0", LOG_LEVEL: "info", VOTE_LIMIT: "1000000", ...env });
  return Number(/"address":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(await child.waitFor(/"msg":"listening"/))?.[1]);
}

const vote = (port: number) =>
  fetch(`http://127.0.0.1:${port}/feedback`, {
    method: "POST",
    body: new URLSearchParams({ page: slug, vote: "yes" }),
    redirect: "manual",
  });

describe("kill -9 during a burst of votes (SQLite)", () => {
  it("keeps every vote that was acknowledged", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "faq-kill-"));
    const port = await start({ DATA_DIR: dataDir });
    let acknowledged = 0;
    let stop = false;
    const sender = async () => {
      while (!stop) {
        try {
          if ((await vote(port)).status === 303) acknowledged++;
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const senders = Array.from({ length: 8 }, sender);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child?.process.kill("SIGKILL");
    stop = true;
    await Promise.all(senders);
    await child?.exited;
    const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
    const { count } = db.prepare("SELECT COUNT(*) AS count FROM votes").get() as { count: number };
    db.close();
    expect(acknowledged).toBeGreaterThan(10);
    // Votes in flight when the process died may be stored without their answer: never fewer.
    expect(count).toBeGreaterThanOrEqual(acknowledged);
  }, 30_000);
});

const FAULT_URL = process.env.TEST_FAULT_DATABASE_URL;
const { TEST_PG_STOP, TEST_PG_START } = process.env;

describe.skipIf(FAULT_URL === undefined || TEST_PG_STOP === undefined || TEST_PG_START === undefined)("PostgreSQL stopped mid-run", () => {
  it("keeps pages and search answering, refuses votes with 503, warns once per dropped batch, and recovers", async () => {
    const database = `faq_fault_${process.pid}`;
    const admin = new pg.Client({ connectionString: FAULT_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(FAULT_URL as string);
    url.pathname = `/${database}`;
    const port = await start({ DATABASE_URL: url.toString() });
    const base = `http://127.0.0.1:${port}`;
    expect((await vote(port)).status).toBe(303);

    execSync(TEST_PG_STOP as string, { stdio: "ignore" });
    try {
      expect((await fetch(`${base}/questions/${slug}`)).status).toBe(200);
      expect((await fetch(`${base}/search?q=${encodeURIComponent("发票")}`)).status).toBe(200);
      const refused = await vote(port);
      expect(refused.status).toBe(503);
      expect(await refused.text()).toContain("反馈服务暂时不可用，您的反馈没有保存");
      // Many searches in one second make one batch: one warning for all of them.
      for (let i = 0; i < 30; i++) await fetch(`${base}/search?q=${encodeURIComponent("发票")}`);
      await child?.waitFor(/search log batch dropped/, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const dropped = child?.lines.filter((line) => line.includes("search log batch dropped")) ?? [];
      const searchesDropped = dropped.reduce((sum, line) => sum + Number(/"searches":(\d+)/.exec(line)?.[1] ?? 0), 0);
      // One line per batch, never one per search.
      expect(dropped.length).toBeLessThan(searchesDropped);
      expect(searchesDropped).toBeGreaterThanOrEqual(30);
    } finally {
      execSync(TEST_PG_START as string, { stdio: "ignore" });
    }
    // Back by itself: the pool reconnects on the next vote.
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 303; attempt++) {
      status = (await vote(port)).status;
      if (status !== 303) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(303);
    const check = new pg.Client({ connectionString: url.toString() });
    await check.connect();
    const { rows } = await check.query("SELECT COUNT(*)::int AS count FROM votes");
    await check.end();
    expect(rows[0].count).toBe(2);
  }, 60_000);
});
