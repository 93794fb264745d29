import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("has defaults for everything", () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: "127.0.0.1",
      publicBaseUrl: "http://localhost:3000",
      contentDir: "content",
      logLevel: "info",
      dataDir: "data",
      databaseUrl: undefined,
      ownerToken: undefined,
      retentionDays: 400,
      voteLimit: 30,
      trustProxy: [],
      maxConnections: 2000,
      hstsMaxAge: 63072000,
    });
  });

  it("reads every variable and trims a trailing slash from the base URL", () => {
    expect(
      loadConfig({
        PORT: "8080",
        HOST: "0.0.0.0",
        PUBLIC_BASE_URL: "https://faq.example.com/",
        CONTENT_DIR: "/srv/content",
        LOG_LEVEL: "warn",
        DATA_DIR: "/var/lib/faq",
        DATABASE_URL: "postgres://faq@127.0.0.1/faq",
        OWNER_TOKEN: "0123456789abcdef",
        RETENTION_DAYS: "90",
        VOTE_LIMIT: "5",
        TRUST_PROXY: "10.0.0.0/8, 192.168.1.7,loopback",
        MAX_CONNECTIONS: "500",
        HSTS_MAX_AGE: "86400",
      }),
    ).toEqual({
      port: 8080,
      host: "0.0.0.0",
      publicBaseUrl: "https://faq.example.com",
      contentDir: "/srv/content",
      logLevel: "warn",
      dataDir: "/var/lib/faq",
      databaseUrl: "postgres://faq@127.0.0.1/faq",
      ownerToken: "0123456789abcdef",
      retentionDays: 90,
      voteLimit: 5,
      trustProxy: ["10.0.0.0/8", "192.168.1.7", "127.0.0.1", "::1"],
      maxConnections: 500,
      hstsMaxAge: 86400,
    });
  });

  it("names a bad database URL, a short owner token and a bad retention", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://x", OWNER_TOKEN: "short", RETENTION_DAYS: "0" })).toThrow(
      new ConfigError(
        'Invalid configuration:\n  DATABASE_URL="mysql://x": expected a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/faq\n  OWNER_TOKEN="short": expected at least 16 characters (for example the output of `openssl rand -hex 16`)\n  RETENTION_DAYS="0": expected a whole number of days from 1 to 3650',
      ),
    );
  });

  it("derives the default base URL from the port", () => {
    expect(loadConfig({ PORT: "4000" }).publicBaseUrl).toBe("http://localhost:4000");
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "" }).port).toBe(3000);
  });

  it("names every bad variable in one error", () => {
    expect(() => loadConfig({ PORT: "eighty", PUBLIC_BASE_URL: "faq.example.com" })).toThrow(
      new ConfigError(
        'Invalid configuration:\n  PORT="eighty": expected a whole number from 0 to 65535 (0 picks a free port)\n  PUBLIC_BASE_URL="faq.example.com": expected an absolute http(s) origin with no path, query or fragment, such as https://isp-faq.example.com',
      ),
    );
  });

  it.each(["65536", "3.5", "-1"])("rejects PORT=%s", (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT=.*expected a whole number from 0 to 65535/);
  });

  it.each(["ftp://faq.example.com", "https://faq.example.com/faq", "https://faq.example.com/?a=1"])("rejects PUBLIC_BASE_URL=%s", (url) => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: url })).toThrow(/PUBLIC_BASE_URL=/);
  });
});

describe("LOG_LEVEL", () => {
  it("names the accepted levels when it is wrong", () => {
    expect(() => loadConfig({ LOG_LEVEL: "verbose" })).toThrow(
      new ConfigError('Invalid configuration:\n  LOG_LEVEL="verbose": expected one of fatal, error, warn, info, debug, trace, silent'),
    );
  });
});

describe("limits and proxies", () => {
  it.each(["yes", "10.0.0.0/33", "10.0.0.1/8/1", "example.com", "::1/129"])("rejects TRUST_PROXY=%s and says what it takes", (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY=.*expected IP addresses or CIDR ranges separated by commas/);
  });

  it.each(["0", "many", "1.5"])("rejects MAX_CONNECTIONS=%s", (value) => {
    expect(() => loadConfig({ MAX_CONNECTIONS: value })).toThrow(/MAX_CONNECTIONS=.*expected a whole number from 1/);
  });

  it("rejects a negative HSTS_MAX_AGE", () => {
    expect(() => loadConfig({ HSTS_MAX_AGE: "-1" })).toThrow(/HSTS_MAX_AGE="-1": expected a whole number from 0/);
  });
});
