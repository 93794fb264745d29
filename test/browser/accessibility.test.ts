// axe-core on every page in the light and dark schemes (contrast included), with no console
// errors, failed requests or error responses along the way.
import { describe, expect, inject, it } from "vitest";
import { axeViolations, type Scheme, useBrowser, visit } from "./browser.js";
import { label, sitePages } from "./pages.js";

const pages = await sitePages(inject("siteUrl"));
const headingsUrl = inject("headingsUrl");
const schemes: Scheme[] = ["light", "dark"];

const openContext = useBrowser();

describe.each(schemes)("%s scheme", (colorScheme) => {
  it.each(pages.map((p) => [label(p.url), p] as const))(
    "%s: no axe violations, console errors or failed requests",
    async (_name, { url, status }) => {
      const context = await openContext({ colorScheme });
      const { page, problems, status: got } = await visit(context, url);
      expect(got).toBe(status);
      // The page follows the scheme: light text on a dark background in dark, and the reverse.
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(luminance(background) < 0.2).toBe(colorScheme === "dark");
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  // The real answers have no headings or callouts; the fixture's first answer has both, in colour,
  // and its /all shows the answers' headings one level down.
  it.each(["/questions/alpha", "/all"])("fixture %s (headings, a list, all four callouts): no axe violations", async (path) => {
    const context = await openContext({ colorScheme });
    const { page, problems } = await visit(context, `${headingsUrl}${path}`);
    expect(await page.locator(".callout").count()).toBe(4);
    expect(await page.locator(".heading-anchor").count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Relative luminance (WCAG) of an rgb() colour as getComputedStyle reports it. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map((n) => {
    const c = Number(n) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
