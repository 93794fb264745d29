// Which store a configuration asks for: PostgreSQL when DATABASE_URL is set, otherwise the
// SQLite file under DATA_DIR.
import type { Logger } from "pino";
import { postgresDriver, redact } from "./postgres.js";
import { sqlStore } from "./sql-store.js";
import { sqliteDriver } from "./sqlite.js";
import type { Store } from "./store.js";

export interface StoreConfig {
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
}

export function openStore({ dataDir, databaseUrl }: StoreConfig, logger: Logger): Store {
  if (databaseUrl === undefined) return sqlStore(sqliteDriver(dataDir));
  return sqlStore(
    postgresDriver(databaseUrl, (error) =>
      logger.warn({ err: error, database: redact(databaseUrl) }, "PostgreSQL dropped an idle connection"),
    ),
  );
}
