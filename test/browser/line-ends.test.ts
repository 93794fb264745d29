// Chinese text may break between any two characters, so a title or a card can end with one
// character alone on its last line ("区/别？"). At phone and desktop widths, no line of a
// title, card or list of questions holds a single letter or character (punctuation aside).
import { describe, expect, inject, it } from "vitest";
import { useBrowser, visit } from "./browser.js";
import { label, sitePages } from "./pages.js";

const pages = await sitePages(inject("siteUrl"));
const openContext = useBrowser();

const TITLES = "h1, h2, .site-title, .toc-question, .toc-summary, .pager-title, .all-toc li, .toc-compact li, .search-result-title";

describe.each([320, 375, 1280])("%i px wide", (width) => {
  it.each(pages.map((p) => [label(p.url), p.url] as const))("%s: no title line holds one character alone", async (_name, url) => {
    const phone = width < 500;
    const context = await openContext({ viewport: { width, height: 800 }, isMobile: phone, hasTouch: phone });
    const { page, problems } = await visit(context, url);
    const lines = await page.evaluate((selector) => {
      const result: Array<{ element: string; lines: string[] }> = [];
      const range = document.createRange();
      for (const element of document.querySelectorAll(selector)) {
        if (!(element as HTMLElement).checkVisibility()) continue;
        const byLine = new Map<number, string>();
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          for (let i = 0; i < text.length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getBoundingClientRect();
            if (rect.width === 0) continue;
            // Characters of one line share a bottom edge within a few pixels.
            const key = [...byLine.keys()].find((top) => Math.abs(top - rect.bottom) < 4) ?? rect.bottom;
            byLine.set(key, (byLine.get(key) ?? "") + text[i]);
          }
        }
        result.push({ element: (element.textContent ?? "").trim(), lines: [...byLine.values()] });
      }
      return result;
    }, TITLES);
    expect(lines.length).toBeGreaterThan(0);
    for (const { element, lines: texts } of lines) {
      for (const line of texts) {
        const letters = line.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
        expect(letters, `"${element}" breaks as ${texts.map((t) => `[${t}]`).join("")}`).not.toBe(1);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
