// `npm run dev` (src/dev.ts) in a child process over a copy of the content: an invalid edit
// is logged with file, field and error while the last good site keeps serving, and the
// fix is picked up without a restart.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSite } from "../../src/content/load.js";
import { CONTENT_DIR } from "../helpers.js";
import { type Child, spawnEntry } from "./spawn.js";

let child: Child | undefined;
let dir: string | undefined;
afterEach(() => {
  if (child?.process.exitCode === null) child.process.kill("SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm run dev", () => {
  it("keeps serving the last good version on an invalid edit, logs why, and picks up the fix", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "faq-dev-"));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    const [question] = loadSite(dir).questions;
    if (question === undefined) throw new Error("content/ has no question");
    const file = path.join(dir, "questions", `${question.slug}.md`);
    const original = readFileSync(file, "utf8");

    child = spawnEntry("src/dev.ts", { PORT: "0", CONTENT_DIR: dir, LOG_LEVEL: "info" });
    const port = /Dev server on http:\/\/127\.0\.0\.1:(\d+)/.exec(await child.waitFor(/Dev server on/))?.[1];
    const page = async () => (await fetch(`http://127.0.0.1:${port}${question.url}`)).text();
    expect(await page()).toContain(question.question);

    writeFileSync(file, original.replace(/^order: \d+$/m, "order: two"));
    await child.waitFor(/Still serving the last good version/);
    // The file, the field and what is wrong with it.
    await child.waitFor(new RegExp(`${question.slug}\\.md:\\d+: order: 值不对（现在是 "two"） — 请写一个正整数，例如 3`));
    const stillServed = await fetch(`http://127.0.0.1:${port}${question.url}`);
    expect(stillServed.status).toBe(200);
    expect(await stillServed.text()).toContain(question.question);

    writeFileSync(file, `${original}\n测试时加入的一段。\n`);
    await child.waitFor(new RegExp(`Rebuilt after a change to .*${question.slug}\\.md`));
    expect(await page()).toContain("测试时加入的一段。");
  }, 30_000);
});
