// Going from a long page to a short one must not move the layout sideways: the scrollbar's
// gutter is kept on every page (scrollbar-gutter: stable), so the content column starts at
// the same x whether or not the page scrolls.
import { expect, inject, it } from "vitest";
import { useBrowser, visit } from "./browser.js";
import { sitePages } from "./pages.js";

const pages = await sitePages(inject("siteUrl"));
const openContext = useBrowser();

it("the content column starts at the same x on short and long pages", async () => {
  const context = await openContext({ viewport: { width: 1280, height: 800 } });
  const seen: Array<{ url: string; scrolls: boolean; left: number; width: number }> = [];
  for (const { url } of pages) {
    const { page } = await visit(context, url);
    seen.push({
      url,
      ...(await page.evaluate(() => ({
        scrolls: document.documentElement.scrollHeight > window.innerHeight,
        left: document.querySelector("main")?.getBoundingClientRect().left ?? -1,
        width: document.documentElement.clientWidth,
      }))),
    });
    await page.close();
  }
  // Both kinds are there: the 404 page is short, /all is long.
  expect(new Set(seen.map((s) => s.scrolls))).toEqual(new Set([true, false]));
  expect(new Set(seen.map((s) => s.left)).size, JSON.stringify(seen)).toBe(1);
  expect(new Set(seen.map((s) => s.width)).size, JSON.stringify(seen)).toBe(1);
  await context.close();
});
