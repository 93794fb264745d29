// Phones from 320 px: no sideways scrolling, body text at a readable size, and tap targets
// of at least 24×24 CSS px (WCAG 2.2, 2.5.8, as axe's target-size rule measures it).
import { describe, expect, inject, it } from "vitest";
import { axeViolations, useBrowser, visit } from "./browser.js";
import { label, sitePages } from "./pages.js";

const pages = await sitePages(inject("siteUrl"));

const openContext = useBrowser();

describe.each([320, 375])("%i px wide", (width) => {
  it.each(pages.map((p) => [label(p.url), p.url] as const))("%s fits, reads and has big enough targets", async (_name, url) => {
    const context = await openContext({ viewport: { width, height: 640 }, isMobile: true, hasTouch: true });
    const { page, problems } = await visit(context, url);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      // Anything poking out to the right, named so a failure says what to fix.
      wide: [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      bodyText: Math.min(
        ...[...document.querySelectorAll("main p, main li")].map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
      ),
    }));
    expect(layout.clientWidth).toBe(width);
    expect(layout.wide).toEqual([]);
    expect(layout.scrollWidth).toBe(width);
    expect(layout.bodyText).toBeGreaterThanOrEqual(14);
    expect(await axeViolations(page, ["target-size"])).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
