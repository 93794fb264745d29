// `npm run dev` as the owner uses it, in Chromium: a question page open in a tab shows the
// problems by itself when its file is broken, comes back by itself when it is fixed, and
// reloads when a template or the stylesheet changes. The dev server runs over a copy of the
// content; the template and stylesheet are the project's own (the dev server watches only
// those), edited for a moment and restored whatever happens.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContent, loadSite } from "../../src/content/load.js";
import { CONTENT_DIR, ROOT } from "../helpers.js";
import { type Child, spawnEntry } from "../process/spawn.js";
import { useBrowser, visit } from "./browser.js";

const openContext = useBrowser();
const dir = mkdtempSync(path.join(tmpdir(), "faq-dev-loop-"));
cpSync(CONTENT_DIR, dir, { recursive: true });
let child: Child | undefined;
afterAll(() => {
  if (child?.process.exitCode === null) child.process.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a project file for the length of `during`, then puts the original back. */
async function editedFor(file: string, edit: (text: string) => string, during: () => Promise<void>): Promise<void> {
  const original = readFileSync(file, "utf8");
  try {
    writeFileSync(file, edit(original));
    await during();
  } finally {
    writeFileSync(file, original);
  }
}

describe("npm run dev in the browser", () => {
  it("shows a broken file's problems without a manual reload, comes back with the fix, and reloads on template and CSS edits", async () => {
    const [question] = loadSite(dir).questions;
    if (question === undefined) throw new Error("content/ has no question");
    const file = path.join(dir, "questions", `${question.slug}.md`);
    const original = readFileSync(file, "utf8");
    child = spawnEntry("src/dev.ts", { PORT: "0", CONTENT_DIR: dir, LOG_LEVEL: "info" });
    const port = /开发服务器已启动：http:\/\/127\.0\.0\.1:(\d+)/.exec(await child.waitFor(/开发服务器已启动/))?.[1];
    const url = `http://127.0.0.1:${port}${question.url}`;

    const { page, problems } = await visit(await openContext(), url);
    expect(await page.locator("h1").textContent()).toContain(question.question);
    const waitOptions = { timeout: 20_000 };

    // Broken: the same tab shows the list `npm run check` prints, by itself.
    writeFileSync(file, original.replace(/^order: \d+$/m, "order: two"));
    await page.locator("#problems").waitFor(waitOptions);
    expect(await page.locator("#problems li").allTextContents()).toEqual(checkContent(dir).problems);
    expect(await page.locator("h1").textContent()).toBe("内容有 1 个问题，网站暂时无法显示");
    // The error page's own stylesheet loaded under the CSP (its text is dark red).
    expect(await page.locator("h1").evaluate((h1) => getComputedStyle(h1).color)).not.toBe("rgb(0, 0, 0)");

    // Fixed: the question comes back by itself.
    writeFileSync(file, original);
    await page.locator("#problems").waitFor({ state: "detached", ...waitOptions });
    await page.locator("h1", { hasText: question.question }).waitFor(waitOptions);

    // A template edit: the tab reloads and shows what the template now makes.
    await editedFor(
      path.join(ROOT, "views", "layout.njk"),
      (text) => text.replace("</body>", "<!-- dev-loop test -->\n</body>"),
      () => page.waitForFunction(() => document.body.innerHTML.includes("dev-loop test"), undefined, waitOptions).then(() => undefined),
    );

    // A stylesheet edit: the tab reloads with the new rule in the page's stylesheet.
    await editedFor(
      path.join(ROOT, "public", "style.css"),
      (text) => `${text}\n.dev-loop-test { color: inherit; }\n`,
      () =>
        page
          .waitForFunction(() => document.querySelector("style")?.textContent?.includes(".dev-loop-test"), undefined, waitOptions)
          .then(() => undefined),
    );

    // A reload cancels the open event stream, and Chromium may report the error page's own 500;
    // anything else (a script the CSP refused, a failed stylesheet) is a fault.
    const expected = /__dev\/events net::ERR_ABORTED|status of 500/;
    expect(problems.filter((problem) => !expected.test(problem))).toEqual([]);
  });
});
