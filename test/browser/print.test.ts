// Printing through Chromium: the PDF of /all holds every answer's text, each question's PDF
// its own, with the page's address and the document version, and no navigation or buttons.
// Text comes out of the PDF with pdftotext (Debian's poppler-utils).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { loadSite } from "../../src/content/load.js";
import { useBrowser, visit } from "./browser.js";
import { label, sitePages } from "./pages.js";
import { ROOT } from "./server.js";

const siteUrl = inject("siteUrl");
const headingsUrl = inject("headingsUrl");
const questions = (await sitePages(siteUrl)).filter((p) => p.url.includes("/questions/") && p.status === 200);
/** As printed in every footer; pdftotext drops the space in "文档版本 …". */
const version = `文档版本${loadSite(path.join(ROOT, "content")).facts.documentVersion}`;
const scratch = mkdtempSync(path.join(tmpdir(), "faq-print-"));

const openContext = useBrowser();
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Whitespace means nothing in Chinese text and pdftotext places it freely; compare without it. */
const squash = (text: string) => text.replace(/\s+/g, "");

async function printedText(page: Page, name: string): Promise<string> {
  const file = path.join(scratch, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: "A4" }));
  const { stdout } = await promisify(execFile)("pdftotext", ["-enc", "UTF-8", file, "-"], { timeout: 30_000 });
  return squash(stdout);
}

/** Text of each paragraph and list item in the answers, as the screen shows it. */
function answerBlocks(page: Page): Promise<string[]> {
  return page.locator(".prose p, .prose li").evaluateAll((els) => els.map((el) => el.textContent ?? ""));
}

/**
 * The words of navigation and controls that appear nowhere else on the page: the skip link,
 * nav links, buttons. Words also in the content (a breadcrumb's question title) prove nothing.
 */
function navigationOnlyWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll("nav a, .skip-link, button, .back a, form label")] as HTMLElement[];
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll("nav, .skip-link, button, .back, form, .scheme-switch")) el.remove();
    const rest = clone.textContent?.replace(/\s+/g, "") ?? "";
    return controls.map((el) => (el.textContent ?? "").replace(/\s+/g, "")).filter((words) => words !== "" && !rest.includes(words));
  });
}

describe("print", () => {
  it("/all prints every answer, the address and version, and no navigation", async () => {
    const context = await openContext();
    const { page, problems } = await visit(context, `${siteUrl}/all`);
    const blocks = await answerBlocks(page);
    const navigation = await navigationOnlyWords(page);
    const pdf = await printedText(page, "all");
    expect(await page.locator("section.all-item").count()).toBe(questions.length);
    expect(blocks.length).toBeGreaterThanOrEqual(questions.length);
    for (const block of blocks) expect(pdf).toContain(squash(block));
    expect(pdf).toContain(squash(`本页网址：${siteUrl}/all`));
    expect(pdf).toContain(version);
    expect(navigation).toEqual(expect.arrayContaining(["跳到正文", "搜索问题", "深色"]));
    for (const words of navigation) expect(pdf, `"${words}" is printed`).not.toContain(words);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(questions.map((p) => [label(p.url), p.url] as const))(
    "%s prints its answer, its permanent link and no navigation",
    async (_name, url) => {
      const context = await openContext();
      const { page, problems } = await visit(context, url);
      const blocks = await answerBlocks(page);
      const navigation = await navigationOnlyWords(page);
      const pdf = await printedText(page, label(url).replaceAll("/", "_"));
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) expect(pdf).toContain(squash(block));
      expect(pdf).toContain(squash(`本页网址：${url}`));
      expect(pdf).toContain(version);
      expect(navigation).toEqual(expect.arrayContaining(["跳到正文", "复制链接", "搜索问题", "跟随系统"]));
      for (const words of navigation) expect(pdf, `"${words}" is printed`).not.toContain(words);
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  it("writes link targets after the link text (the 404 page's list of questions, a link in an answer)", async () => {
    const context = await openContext();
    const { page } = await visit(context, `${siteUrl}/questions/no-such-question`);
    const hrefs = await page.locator("main ol a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const pdf = await printedText(page, "not-found");
    expect(hrefs.length).toBe(questions.length);
    for (const href of hrefs) expect(pdf).toContain(`（${href}）`);
    // And a link written in an answer.
    const { page: answer } = await visit(context, `${headingsUrl}/questions/alpha`);
    expect(await printedText(answer, "fixture-alpha")).toContain("另见第二个问题（/questions/alpha-notes）");
    await context.close();
  });

  it("keeps headings with what follows and list items, callouts and sections whole", async () => {
    const context = await openContext();
    const { page } = await visit(context, `${headingsUrl}/all`);
    await page.emulateMedia({ media: "print" });
    const rules = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector) as Element);
      return {
        heading: style("section.all-item h2").breakAfter,
        subheading: style(".prose .heading").breakAfter,
        item: style(".prose li").breakInside,
        callout: style(".callout").breakInside,
        section: style("section.all-item").breakInside,
      };
    });
    expect(rules).toEqual({ heading: "avoid", subheading: "avoid", item: "avoid", callout: "avoid", section: "avoid" });
    await context.close();
  });

  it.each([...questions.map((p) => p.url), `${siteUrl}/`, `${siteUrl}/all`])(
    "%s hides navigation, the skip link and everything interactive under print media",
    async (url) => {
      const context = await openContext();
      const { page } = await visit(context, url);
      await page.emulateMedia({ media: "print" });
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll("nav, .skip-link, button, form, input, select, textarea, [role=group], .heading-anchor")]
          .filter((el) => el.checkVisibility())
          .map((el) => el.outerHTML.slice(0, 60)),
      );
      expect(shown).toEqual([]);
      if (url.includes("/questions/")) {
        expect(await page.locator(".permalink").isVisible()).toBe(true);
        expect(await page.locator(".qr-code").isVisible()).toBe(true);
      }
      await context.close();
    },
  );
});
