// The copy button copies the page's canonical URL: read back from the clipboard.
import { describe, expect, inject, it } from "vitest";
import { useBrowser, visit } from "./browser.js";
import { label, sitePages } from "./pages.js";

const siteUrl = inject("siteUrl");
const questions = (await sitePages(siteUrl)).filter((p) => p.url.includes("/questions/") && p.status === 200);

const openContext = useBrowser();

describe("copy link", () => {
  it("is checked on every question page", () => {
    expect(questions.length).toBeGreaterThan(0);
  });

  it.each(questions.map((p) => [label(p.url), p.url] as const))("%s: the button copies the canonical URL", async (_name, url) => {
    const context = await openContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: siteUrl });
    const { page, problems } = await visit(context, url);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    // The server runs with PUBLIC_BASE_URL set to its own address, so canonical is this page.
    expect(canonical).toBe(url);
    const button = page.getByRole("button", { name: "复制链接" });
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
    expect(await page.getByRole("status").textContent()).toBe("已复制链接");
    expect(problems).toEqual([]);
    await context.close();
  });
});
