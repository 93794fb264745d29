// Keyboard use: the skip link, a visible focus indicator on everything Tab reaches, and the
// heading anchors that appear on hover and on keyboard focus.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useBrowser, visit } from "./browser.js";
import { label, sitePages } from "./pages.js";

const pages = await sitePages(inject("siteUrl"));
const headingsUrl = inject("headingsUrl");

const openContext = useBrowser();

/** What has focus now, and whether it shows: an outline at least 2 px wide, on screen. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      name: `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}"`,
      id: el.id,
      outline: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2,
      onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
    };
  });
}

describe("keyboard", () => {
  it.each(pages.map((p) => [label(p.url), p.url] as const))("%s: skip link first, then every stop shows its focus", async (_name, url) => {
    const context = await openContext();
    const { page, problems } = await visit(context, url);
    const stops = await page.evaluate(
      () =>
        [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")].filter(
          (el) => el.getClientRects().length > 0 && (el as HTMLElement).tabIndex >= 0,
        ).length,
    );

    await page.keyboard.press("Tab");
    const first = await focused(page);
    expect(first?.name).toBe('a "跳到正文"');
    expect(first?.outline && first.onScreen).toBe(true);
    const seen = [first?.name];
    for (let i = 1; i < stops; i++) {
      await page.keyboard.press("Tab");
      const now = await focused(page);
      expect(now, `stop ${i + 1} of ${stops}`).not.toBeNull();
      expect({ stop: now?.name, visible: now?.outline && now.onScreen }).toEqual({ stop: now?.name, visible: true });
      seen.push(now?.name);
    }
    expect(seen.length).toBe(stops);

    // The skip link moves focus to the main content, past the header.
    await page.keyboard.press("Home");
    await page.goto(url);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect((await focused(page))?.id).toBe("main");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a heading's anchor link appears on hover and on keyboard focus", async () => {
    const context = await openContext();
    const { page } = await visit(context, `${headingsUrl}/questions/alpha`);
    const anchor = page.locator(".heading-anchor").first();
    const opacity = () => anchor.evaluate((el) => getComputedStyle(el).opacity);
    expect(await opacity()).toBe("0");
    await page.locator(".heading").first().hover();
    expect(await opacity()).toBe("1");
    await page.mouse.move(0, 0);
    expect(await opacity()).toBe("0");
    // Tab until the anchor has focus, as a keyboard user would reach it.
    for (let i = 0; i < 30 && !(await anchor.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await anchor.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await opacity()).toBe("1");
    await context.close();
  });
});
