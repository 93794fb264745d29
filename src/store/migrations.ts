// Versioned schema changes, applied in order on start by both stores and recorded in
// schema_migrations. Never edit a released step: add the next one. Each step is one
// transaction; the two dialects differ only where their types do.

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

const TABLES = (id: string, key: string) => `
CREATE TABLE votes (
  id ${id},
  page TEXT NOT NULL,
  day TEXT NOT NULL,
  helpful SMALLINT NOT NULL,
  reason TEXT,
  comment TEXT
);
CREATE INDEX votes_day ON votes (day);
CREATE TABLE searches (
  day TEXT NOT NULL,
  query TEXT NOT NULL,
  results INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, query)
);
CREATE TABLE clicks (
  day TEXT NOT NULL,
  query TEXT NOT NULL,
  target TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, query, target)
);
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO settings (name, value) VALUES ('receipt_key', ${key});
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "votes, searches, clicks and the receipt key",
    sqlite: TABLES("INTEGER PRIMARY KEY", "lower(hex(randomblob(32)))"),
    postgres: TABLES(
      "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
      "replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')",
    ),
  },
];

export const MIGRATIONS_TABLE =
  "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
