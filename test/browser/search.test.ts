// Search in a real browser: the header form finds answers with JavaScript off, the results
// page passes axe in both schemes and fits a 320 px phone, and with JavaScript on the
// suggestions appear as you type, with marks, and can be reached with the arrow keys. Over the
// search fixture, so what a query finds does not change when the site's content grows.
import { describe, expect, inject, it } from "vitest";
import { axeViolations, type Scheme, useBrowser, visit } from "./browser.js";

const siteUrl = inject("searchUrl");

const openContext = useBrowser();

describe("search", () => {
  it("works with JavaScript off: type in the header box, press Enter, read marked results", async () => {
    const context = await openContext({ javaScriptEnabled: false });
    const { page, problems } = await visit(context, `${siteUrl}/`);
    await page.locator("#site-search-q").fill("fapiao");
    await Promise.all([page.waitForURL(/\/search\?q=fapiao$/), page.locator("#site-search-q").press("Enter")]);
    // Through the click-through counter, to the invoice question.
    expect(await page.locator(".search-result-title").first().getAttribute("href")).toBe("/search/go?q=fapiao&to=invoice");
    expect(await page.locator(".search-result mark").first().textContent()).toBe("发票");
    expect(await page.locator("#site-search-q").inputValue()).toBe("fapiao");
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each<Scheme>(["light", "dark"])("results, no-match and too-long pages have no axe violations (%s)", async (colorScheme) => {
    const context = await openContext({ colorScheme });
    for (const query of ["ISP 发票", "天气预报", "a".repeat(101)]) {
      const { page, problems } = await visit(context, `${siteUrl}/search?q=${encodeURIComponent(query)}`);
      expect(await axeViolations(page), query).toEqual([]);
      expect(problems, query).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it("fits a 320 px phone without sideways scrolling", async () => {
    const context = await openContext({ viewport: { width: 320, height: 640 } });
    const { page } = await visit(context, `${siteUrl}/search?q=${encodeURIComponent("全网ISP和省网ISP有什么区别")}`);
    // Nothing wider than the viewport; with the scrollbar's gutter kept, the content is narrower.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page, ["target-size"])).toEqual([]);
    await context.close();
  });

  it("suggests answers as you type, marked, reachable with the arrow keys, closed with Escape", async () => {
    const context = await openContext();
    const { page, problems } = await visit(context, `${siteUrl}/questions/invoice`);
    const box = page.locator("#site-search-q");
    await box.pressSequentially("tf", { delay: 30 });
    const suggestion = page.locator("#search-suggest a").first();
    await suggestion.waitFor({ state: "visible", timeout: 5_000 });
    expect(await suggestion.getAttribute("href")).toBe("/questions/refund");
    expect(await suggestion.locator("mark").textContent()).toBe("退费");
    await box.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("/questions/refund");
    await page.keyboard.press("Escape");
    expect(await page.locator("#search-suggest").isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search-q");
    expect(problems).toEqual([]);
    await context.close();
  });
});
