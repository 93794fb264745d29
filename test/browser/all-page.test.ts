// /all#<slug> lands on that question's section, for every question in the sitemap (the last,
// a short section at the page's end, among them).
import { describe, expect, inject, it } from "vitest";
import { useBrowser, visit } from "./browser.js";
import { sitePages } from "./pages.js";

const siteUrl = inject("siteUrl");
const slugs = (await sitePages(siteUrl))
  .flatMap((p) => /\/questions\/([^/]+)$/.exec(p.url)?.[1] ?? [])
  .filter((s) => s !== "no-such-question");

const openContext = useBrowser();

describe("/all#<slug>", () => {
  it("covers every question, the last one too", async () => {
    const all = await (await fetch(`${siteUrl}/all`)).text();
    const sections = [...all.matchAll(/<section class="all-item[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs).toEqual(sections);
  });

  it.each(slugs)("/all#%s scrolls that section into view", async (slug) => {
    // A short window, so that every section but the first needs scrolling to be seen.
    const context = await openContext({ viewport: { width: 1280, height: 400 } });
    const { page, problems } = await visit(context, `${siteUrl}/all#${slug}`);
    const where = await page.evaluate((id) => {
      const box = document.getElementById(id)?.getBoundingClientRect();
      const atBottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
      return { top: box?.top ?? Number.NaN, scrollY, innerHeight, atBottom, target: document.querySelector(":target")?.id };
    }, slug);
    expect(where.target).toBe(slug);
    expect(where.top).toBeGreaterThanOrEqual(-1);
    // At the top of the window, unless the page ends first (the last section is short).
    expect(where.top < 5 || where.atBottom).toBe(true);
    expect(where.top).toBeLessThan(where.innerHeight / 2);
    expect(where.scrollY).toBeGreaterThan(0);
    expect(await page.locator(`#${slug} h2`).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
