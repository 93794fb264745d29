// `npm start` and `npm run dev` share one start-up path: bad configuration stops either with the
// same clear message and no stack, and a signal stops either cleanly. Broken content stops
// `npm start`; `npm run dev` stays up and shows the problems in the browser instead.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixture, ROOT } from "../helpers.js";
import { type Child, spawnEntry } from "./spawn.js";

let child: Child | undefined;
afterEach(() => {
  if (child?.process.exitCode === null) child.process.kill("SIGKILL");
});

function run(entry: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe.each(["src/server.ts", "src/dev.ts"])("%s", (entry) => {
  it("exits 1 naming a bad configuration variable, without a stack trace", () => {
    const result = run(entry, { PORT: "abc" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Invalid configuration:\n  PORT="abc": expected a whole number from 0 to 65535 (0 picks a free port)',
    );
  }, 30_000);

  it.runIf(entry === "src/server.ts")(
    "exits 1 listing every content problem, without a stack trace",
    () => {
      const result = run(entry, { CONTENT_DIR: fixture("many-problems") });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("内容有 8 个问题，请逐一修改后再试：");
      expect(result.stderr).toContain(
        'test/fixtures/many-problems/questions/a.md:2: order: 值不对（现在是 "two"） — 请写一个正整数，例如 3',
      );
      expect(result.stderr).not.toMatch(/^\s+at /m);
    },
    30_000,
  );

  it.runIf(entry === "src/dev.ts")(
    "keeps running over broken content, logging every problem and showing them on every page",
    async () => {
      child = spawnEntry(entry, { PORT: "0", LOG_LEVEL: "info", CONTENT_DIR: fixture("many-problems") });
      await child.waitFor(/内容有 8 个问题，请逐一修改后再试：/);
      await child.waitFor(/test\/fixtures\/many-problems\/questions\/a\.md:2: order: 值不对（现在是 "two"） — 请写一个正整数，例如 3/);
      const port = /开发服务器已启动：http:\/\/127\.0\.0\.1:(\d+)/.exec(await child.waitFor(/开发服务器已启动/))?.[1];
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.status).toBe(500);
      expect(await res.text()).toContain("内容有 8 个问题，网站暂时无法显示");
      expect(child.lines.join("\n")).not.toMatch(/^\s+at /m);
      child.process.kill("SIGTERM");
      expect(await child.exited).toBe(0);
    },
    30_000,
  );

  it("stops with exit code 0 on SIGTERM once listening", async () => {
    child = spawnEntry(entry, { PORT: "0", LOG_LEVEL: "info" });
    await child.waitFor(/listening/);
    child.process.kill("SIGTERM");
    expect(await child.exited).toBe(0);
    expect(child.lines.join("\n")).toMatch(/stopped/);
  }, 30_000);
});
