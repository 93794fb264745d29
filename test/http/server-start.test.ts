// The real entry point: bad content or configuration stops it with a clear message and no stack.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, ROOT } from "../helpers.js";

function start(env: Record<string, string>) {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  return spawnSync(tsx, [path.join(ROOT, "src", "server.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe("starting the server", () => {
  it("exits non-zero listing every content problem, without a stack trace", () => {
    const result = start({ CONTENT_DIR: fixture("many-problems") });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Content has 8 problems:");
    expect(result.stderr).toContain('test/fixtures/many-problems/questions/a.md: order: expected a positive integer (got "two")');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("exits non-zero naming a bad configuration variable", () => {
    const result = start({ PORT: "http" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Invalid configuration:\n  PORT="http": expected a whole number from 0 to 65535 (0 picks a free port)',
    );
  });
});
