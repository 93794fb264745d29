// The real databases the storage tests run against: SQLite in a fresh folder always, and
// PostgreSQL at TEST_DATABASE_URL, which .ci/run always sets (skipped only where it is unset,
// on a machine without the throwaway cluster of .ci/postgres.sh).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createLog } from "../src/log.js";
import { openStore } from "../src/store/open.js";
import type { Store } from "../src/store/store.js";

export const PG_URL = process.env.TEST_DATABASE_URL;

export interface Target {
  readonly name: "sqlite" | "postgres";
  /** A store over an empty database of this kind. */
  fresh(): Promise<Store>;
}

let schemas = 0;

export const TARGETS: Target[] = [
  { name: "sqlite", fresh: async () => openStore({ dataDir: mkdtempSync(path.join(os.tmpdir(), "faq-store-")) }, createLog("silent")) },
  ...(PG_URL === undefined ? [] : [{ name: "postgres" as const, fresh: () => freshPostgres(PG_URL) }]),
];

/** A database of its own per test: created here, so tests never see each other's rows. */
async function freshPostgres(url: string): Promise<Store> {
  const name = `faq_t${process.pid}_${++schemas}_${Date.now() % 1e6}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return openStore({ dataDir: "unused", databaseUrl: own.toString() }, createLog("silent"));
}

export function postgresUrlFor(database: string): string {
  const own = new URL(PG_URL ?? "postgres://127.0.0.1/none");
  own.pathname = `/${database}`;
  return own.toString();
}
