// The copy button copies the page's canonical URL. The site's Permissions-Policy denies
// clipboard-read, so what is written is recorded on its way to the real clipboard.
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
    await context.addInitScript(() => {
      const copied: string[] = [];
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      Object.assign(window, { copied });
      navigator.clipboard.writeText = (text: string) => {
        copied.push(text);
        return write(text);
      };
    });
    const { page, problems } = await visit(context, url);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    // The server runs with PUBLIC_BASE_URL set to its own address, so canonical is this page.
    expect(canonical).toBe(url);
    const button = page.getByRole("button", { name: "复制链接" });
    await button.click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("已复制链接");
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([canonical]);
    expect(await page.getByRole("status").textContent()).toBe("已复制链接");
    expect(problems).toEqual([]);
    await context.close();
  });
});

// A phone cannot scan its own screen: narrow screens show the link and the copy button only,
// wide ones the QR code too. The link breaks after a slash or hyphen, never inside a word.
describe("share box by screen width", () => {
  it.each([
    [320, false],
    [375, false],
    [768, true],
    [1280, true],
  ] as const)("%i px wide: the QR code is shown: %s; link and button always", async (width, qr) => {
    const phone = width < 500;
    const context = await openContext({ viewport: { width, height: 800 }, isMobile: phone, hasTouch: phone });
    for (const { url } of questions) {
      const { page, problems } = await visit(context, url);
      expect(await page.locator(".qr-code").isVisible(), url).toBe(qr);
      expect(await page.locator(".permalink a").isVisible(), url).toBe(true);
      expect(await page.getByRole("button", { name: "复制链接" }).isVisible(), url).toBe(true);
      // Each line of the link ends at a slash (or a slug's hyphen, where words meet), or is its last line.
      const lines = await page.locator(".permalink a").evaluate((link) => {
        const text = link.textContent ?? "";
        const range = document.createRange();
        const node = [...link.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
        const tops: Array<[number, string]> = [];
        for (const textNode of node) {
          for (let i = 0; i < (textNode.textContent ?? "").length; i++) {
            range.setStart(textNode, i);
            range.setEnd(textNode, i + 1);
            tops.push([Math.round(range.getBoundingClientRect().top), textNode.textContent?.[i] ?? ""]);
          }
        }
        const byLine = new Map<number, string>();
        for (const [top, char] of tops) byLine.set(top, (byLine.get(top) ?? "") + char);
        return { text, lines: [...byLine.values()] };
      });
      expect(lines.lines.join(""), url).toBe(lines.text);
      for (const line of lines.lines.slice(0, -1)) expect(/[/-]$/.test(line), `${url}: ${lines.lines.join(" | ")}`).toBe(true);
      expect(problems).toEqual([]);
    }
    await context.close();
  });
});
