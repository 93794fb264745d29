// `npm run dev` (src/dev.ts) in a child process over a copy of the content: while a file is
// broken every page is the dev error page listing the problems as `npm run check` prints them
// (and the terminal logs them); the fix brings the site back without a restart; every change
// is announced on the event stream the reload script listens to. Starting over broken content
// keeps the process up. test/browser/dev-loop.test.ts drives the same in Chromium.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent, loadSite } from "../../src/content/load.js";
import { STALL_TIMEOUT_MS } from "../../src/start.js";
import { CONTENT_DIR } from "../helpers.js";
import { type Child, spawnEntry } from "./spawn.js";

let child: Child | undefined;
let dir: string | undefined;
afterEach(() => {
  if (child?.process.exitCode === null) child.process.kill("SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the content and its first question's file, to break and fix. */
function copyContent() {
  dir = mkdtempSync(path.join(tmpdir(), "faq-dev-"));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  const [question] = loadSite(dir).questions;
  if (question === undefined) throw new Error("content/ has no question");
  const file = path.join(dir, "questions", `${question.slug}.md`);
  return { dir, question, file, original: readFileSync(file, "utf8") };
}

async function startDev(contentDir: string) {
  child = spawnEntry("src/dev.ts", { PORT: "0", CONTENT_DIR: contentDir, LOG_LEVEL: "info" });
  const port = /开发服务器已启动：http:\/\/127\.0\.0\.1:(\d+)/.exec(await child.waitFor(/开发服务器已启动/))?.[1];
  return `http://127.0.0.1:${port}`;
}

/** The dev error page's list, as the reader sees it, and what `npm run check` prints for the folder. */
async function expectErrorPage(res: Response, contentDir: string) {
  expect(res.status).toBe(500);
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  const $ = cheerio.load(await res.text());
  const { problems } = checkContent(contentDir);
  expect(problems.length).toBeGreaterThan(0);
  expect(
    $("#problems li")
      .toArray()
      .map((li) => $(li).text()),
  ).toEqual(problems);
  expect($("h1").text()).toBe(`内容有 ${problems.length} 个问题，网站暂时无法显示`);
  expect($('script[src="/__dev/reload.js"]')).toHaveLength(1);
}

describe("npm run dev", () => {
  it("shows the problems on every page while a file is broken, logs them, and comes back with the fix", async () => {
    const { dir, question, file, original } = copyContent();
    const base = await startDev(dir);
    const page = await fetch(`${base}${question.url}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(question.question);
    const build = /<script src="\/__dev\/reload\.js" data-build="([^"]+)" defer><\/script><\/body>/.exec(html)?.[1];
    expect(build).toBeDefined();

    writeFileSync(file, original.replace(/^order: \d+$/m, "order: two"));
    await child?.waitFor(/改好之前，浏览器里每一页都显示问题清单/);
    // The file, the field and what is wrong with it, in the terminal too.
    await child?.waitFor(new RegExp(`${question.slug}\\.md:\\d+: order: 值不对（现在是 "two"） — 请写一个正整数，例如 3`));
    for (const url of [question.url, "/", "/no-such-page", "/search?q=x"]) await expectErrorPage(await fetch(`${base}${url}`), dir);

    writeFileSync(file, `${original}\n测试时加入的一段。\n`);
    await child?.waitFor(new RegExp(`已按 .*${question.slug}\\.md 的改动重新生成网站`));
    const fixed = await fetch(`${base}${question.url}`);
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toContain("测试时加入的一段。");
  });

  it("names the build on the event stream at once and again after each rebuild, however long in between", async () => {
    const { dir, file, original } = copyContent();
    const base = await startDev(dir);
    const res = await fetch(`${base}/__dev/events`);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const builds = async (count: number) => {
      while ((received.match(/^data: /gm) ?? []).length < count) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`the event stream ended; received:\n${received}`);
        received += value;
      }
      return [...received.matchAll(/^data: (.+)$/gm)].map((match) => match[1]);
    };
    const [first] = await builds(1);
    // Quiet for longer than the server lets a stalled connection live: the stream must stay open.
    await new Promise((resolve) => setTimeout(resolve, STALL_TIMEOUT_MS + 1000));
    writeFileSync(file, `${original}\n`);
    const [, second] = await builds(2);
    expect(second).not.toBe(first);
    await reader.cancel();
  });

  it("starts over broken content, stays up showing the problems, and recovers when the file is fixed", async () => {
    const { dir, question, file, original } = copyContent();
    writeFileSync(file, original.replace(/^order: \d+$/m, "order: two"));
    const base = await startDev(dir);
    await expectErrorPage(await fetch(`${base}${question.url}`), dir);
    expect(child?.process.exitCode).toBeNull();

    writeFileSync(file, original);
    await child?.waitFor(/的改动重新生成网站/);
    const fixed = await fetch(`${base}${question.url}`);
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toContain(question.question);
  });

  it("stops cleanly on SIGTERM while a tab holds the event stream open", async () => {
    const base = await startDev(copyContent().dir);
    const res = await fetch(`${base}/__dev/events`);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    child?.process.kill("SIGTERM");
    // A stream left open would hold the stop until the grace period forces it (exit code 1).
    expect(await child?.exited).toBe(0);
    expect(await reader.read()).toMatchObject({ done: true });
  });
});
