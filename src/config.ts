// Typed configuration from environment variables, which the entry points (server.ts, dev.ts,
// export.ts) hand in; nothing else reads process.env. Every bad variable is named in one ConfigError.
import { isIP } from "node:net";
import type { LevelWithSilent } from "pino";
import * as z from "zod";
import { LOG_LEVELS } from "./log.js";

export interface Config {
  /** TCP port to listen on; 0 lets the system pick a free one (tests). */
  port: number;
  /** Interface to bind; 0.0.0.0 to accept connections from other hosts. */
  host: string;
  /** Origin readers reach the site at, for canonical links and the sitemap; no trailing slash. */
  publicBaseUrl: string;
  /** Folder holding site.yml, questions/ and pages/. */
  contentDir: string;
  /** Least severe log level written: info includes one line per request; silent writes nothing. */
  logLevel: LevelWithSilent;
  // Feedback and the search log (src/feedback, src/store).
  /** Folder for the SQLite store when no DATABASE_URL is given. */
  dataDir: string;
  /** postgres://… to share one PostgreSQL store between instances; unset means SQLite in dataDir. */
  databaseUrl: string | undefined;
  /** Enables /owner behind this token (HTTP Basic password or Bearer); unset means no owner page. */
  ownerToken: string | undefined;
  /** Raw records older than this many days are deleted automatically. */
  retentionDays: number;
  /** Votes one client may send in ten minutes (held in memory only). */
  voteLimit: number;
  /**
   * Addresses of the proxies in front (IPs or CIDR ranges); empty (the default) trusts none.
   * Only a request arriving from one of them may name its id (X-Request-Id) or its client
   * (X-Forwarded-For, X-Forwarded-Proto); from anyone else those headers are ignored.
   */
  trustProxy: readonly string[];
  /** Open connections served at once; a few more are kept for /healthz and /readyz (start.ts). */
  maxConnections: number;
  /** Strict-Transport-Security max-age in seconds, sent only when publicBaseUrl is https; 0 sends none. */
  hstsMaxAge: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const PORT_RANGE = "expected a whole number from 0 to 65535 (0 picks a free port)";
const port = whole(PORT_RANGE, 0, 65535);

const baseUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      // Links inside the site are root-relative, so the site must sit at the root of its origin.
      return (url.protocol === "http:" || url.protocol === "https:") && url.pathname === "/" && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, "expected an absolute http(s) origin with no path, query or fragment, such as https://isp-faq.example.com")
  .transform((value) => value.replace(/\/+$/, ""));

const PROXY_LIST = "expected IP addresses or CIDR ranges separated by commas, such as 10.0.0.0/8,127.0.0.1 (or loopback for 127.0.0.1,::1)";
/** One IP address or CIDR range: what node:net's BlockList (src/http/trusted-proxy.ts) accepts. */
function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}
const proxyList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .flatMap((entry) => (entry === "loopback" ? ["127.0.0.1", "::1"] : [entry])),
  )
  .refine((entries) => entries.every(isAddressOrRange), PROXY_LIST);

const wholeNumber = (min: number, max: number, hint: string) => whole(`expected a whole number from ${min} to ${max}${hint}`, min, max);

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1, "expected a host name or IP address").default("127.0.0.1"),
  PUBLIC_BASE_URL: baseUrl.optional(),
  CONTENT_DIR: z.string().min(1, "expected a folder path").default("content"),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  DATA_DIR: z.string().min(1, "expected a folder path").default("data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/./, "expected a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/faq")
    .optional(),
  OWNER_TOKEN: z.string().min(16, "expected at least 16 characters (for example the output of `openssl rand -hex 16`)").optional(),
  RETENTION_DAYS: whole("expected a whole number of days from 1 to 3650", 1, 3650).default(400),
  VOTE_LIMIT: whole("expected a whole number of votes per ten minutes from 1 to 1000000", 1, 1_000_000).default(30),
  TRUST_PROXY: proxyList.optional(),
  // The process needs one descriptor per connection and some of its own: keep `ulimit -n` above it.
  MAX_CONNECTIONS: wholeNumber(1, 1_000_000, " (keep it below the open-file limit, ulimit -n)").default(2000),
  // Two years, as the HSTS preload list asks for.
  HSTS_MAX_AGE: wholeNumber(0, 1_000_000_000, " seconds (0 sends no Strict-Transport-Security)").default(63072000),
});

/** A whole number from min to max, one message for every way it can be wrong. */
function whole(message: string, min: number, max: number) {
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable is treated as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name])}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const {
    PORT,
    HOST,
    PUBLIC_BASE_URL,
    CONTENT_DIR,
    LOG_LEVEL,
    DATA_DIR,
    DATABASE_URL,
    OWNER_TOKEN,
    RETENTION_DAYS,
    VOTE_LIMIT,
    TRUST_PROXY,
    MAX_CONNECTIONS,
    HSTS_MAX_AGE,
  } = parsed.data;
  return {
    port: PORT,
    host: HOST,
    publicBaseUrl: PUBLIC_BASE_URL ?? `http://localhost:${PORT}`,
    contentDir: CONTENT_DIR,
    logLevel: LOG_LEVEL,
    dataDir: DATA_DIR,
    databaseUrl: DATABASE_URL,
    ownerToken: OWNER_TOKEN,
    retentionDays: RETENTION_DAYS,
    voteLimit: VOTE_LIMIT,
    trustProxy: TRUST_PROXY ?? [],
    maxConnections: MAX_CONNECTIONS,
    hstsMaxAge: HSTS_MAX_AGE,
  };
}
