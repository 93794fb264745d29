// With JavaScript off every page still reads, the share link is there (the copy button is
// not), and every link on every page leads somewhere real.
import { describe, expect, inject, it } from "vitest";
import { useBrowser, visit } from "./browser.js";
import { label, sitePages } from "./pages.js";

const siteUrl = inject("siteUrl");
const pages = await sitePages(siteUrl);

const openContext = useBrowser();

describe("JavaScript disabled", () => {
  it.each(pages.map((p) => [label(p.url), p] as const))("%s reads, and every link on it works", async (_name, { url, status }) => {
    const context = await openContext({ javaScriptEnabled: false });
    const { page, problems, status: got } = await visit(context, url);
    expect(got).toBe(status);
    expect(await page.locator("h1").isVisible()).toBe(true);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
    expect((await page.locator("main").innerText()).length).toBeGreaterThan(50);
    // Script-only buttons (type="button") stay hidden; submit buttons of plain forms (search,
    // the feedback vote) work without a script.
    expect(await page.locator('button:not([type="submit"])').filter({ visible: true }).count()).toBe(0);
    if (url.includes("/questions/") && status === 200) {
      expect(await page.locator(".permalink a").textContent()).toBe(url);
    }

    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of new Set(hrefs)) {
      // Every link stays on this site; the test never leaves 127.0.0.1.
      expect(href.startsWith(`${siteUrl}/`), href).toBe(true);
      const [target, fragment = ""] = href.split("#");
      const id = decodeURIComponent(fragment);
      if (target === url) {
        // A link within this page (the skip link): its target is here, whatever this page's status.
        if (id !== "") expect(await page.locator(`[id="${id}"]`).count(), href).toBe(1);
        continue;
      }
      const response = await context.request.get(href, { maxRedirects: 0, timeout: 10_000 });
      expect(response.status(), href).toBe(200);
      if (id !== "") expect((await response.text()).includes(`id="${id}"`), href).toBe(true);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
