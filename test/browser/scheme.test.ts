// The colour-scheme switch in the footer: 跟随系统 / 浅色 / 深色, remembered in the `scheme`
// cookie across pages and reloads, painted right from the first paint because the server puts
// the choice on <html> (no flash of the other scheme, and no script before it), and without
// JavaScript the page follows the system. On a static host, which cannot read the cookie, the
// deferred script applies it.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { type Scheme, useBrowser, visit } from "./browser.js";
import { sitePages } from "./pages.js";

const siteUrl = inject("siteUrl");
const pages = await sitePages(siteUrl);
const [first, second] = pages;
const openContext = useBrowser();

/** --bg of each scheme, as the stylesheet sets them. */
const BACKGROUND = { light: "#ffffff", dark: "#16181c" } as const;
const CHOICES = { system: "跟随系统", light: "浅色", dark: "深色" } as const;
type Choice = keyof typeof CHOICES;

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--bg").trim());
const firstPaint = (page: Page) => page.evaluate(() => document.documentElement.getAttribute("data-test-first-bg"));
const schemeCookie = async (context: BrowserContext) => (await context.cookies(siteUrl)).find((cookie) => cookie.name === "scheme");

/**
 * Records the scheme at the moment <body> enters the document: nothing of the page can have
 * been painted before that, so if the colours are right then, the first paint is right.
 */
async function recordFirstPaintScheme(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      observer.disconnect();
      const root = document.documentElement;
      root.setAttribute("data-test-first-bg", getComputedStyle(root).getPropertyValue("--bg").trim());
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

describe.each(["light", "dark"] as Scheme[])("system scheme %s", (system) => {
  it.each(Object.keys(CHOICES) as Choice[])("choosing %s applies it, remembers it on the next page and paints it first", async (choice) => {
    const context = await openContext({ colorScheme: system });
    await recordFirstPaintScheme(context);
    const expected = BACKGROUND[choice === "system" ? system : choice];
    const { page, problems } = await visit(context, first?.url ?? "");
    const group = page.getByRole("group", { name: "配色" });
    expect(await group.isVisible()).toBe(true);
    await group.getByRole("button", { name: CHOICES[choice] }).click();
    expect(await background(page)).toBe(expected);
    expect(await group.getByRole("button", { name: CHOICES[choice] }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator('.scheme-switch [aria-pressed="true"]').count()).toBe(1);
    const cookie = await schemeCookie(context);
    expect(cookie?.value).toBe(choice === "system" ? undefined : choice);
    if (cookie !== undefined) {
      expect(cookie).toMatchObject({ path: "/", sameSite: "Lax", httpOnly: false, secure: false });
      // Remembered for a year.
      expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(364 * 86_400_000);
    }

    // Another page, and the same page reloaded: the choice holds from the first paint on.
    const next = await visit(context, second?.url ?? "");
    expect(await firstPaint(next.page)).toBe(expected);
    expect(await background(next.page)).toBe(expected);
    expect(await next.page.getByRole("button", { name: CHOICES[choice] }).getAttribute("aria-pressed")).toBe("true");
    await page.reload({ waitUntil: "load" });
    expect(await firstPaint(page)).toBe(expected);
    expect(await background(page)).toBe(expected);
    expect([...problems, ...next.problems]).toEqual([]);
    await context.close();
  });

  it("跟随系统 forgets the choice: the cookie goes and the next page follows the system from its first paint", async () => {
    const context = await openContext({ colorScheme: system });
    await recordFirstPaintScheme(context);
    const other = system === "dark" ? "light" : "dark";
    const { page, problems } = await visit(context, first?.url ?? "");
    await page.getByRole("button", { name: CHOICES[other] }).click();
    expect((await schemeCookie(context))?.value).toBe(other);
    const chosen = await visit(context, second?.url ?? "");
    expect(await firstPaint(chosen.page)).toBe(BACKGROUND[other]);
    await chosen.page.getByRole("button", { name: CHOICES.system }).click();
    expect(await background(chosen.page)).toBe(BACKGROUND[system]);
    expect(await schemeCookie(context)).toBeUndefined();
    const next = await visit(context, first?.url ?? "");
    expect(await firstPaint(next.page)).toBe(BACKGROUND[system]);
    expect(await next.page.getByRole("button", { name: CHOICES.system }).getAttribute("aria-pressed")).toBe("true");
    expect([...problems, ...chosen.problems, ...next.problems]).toEqual([]);
    await context.close();
  });

  it("without JavaScript follows the system, with no switch shown", async () => {
    const context = await openContext({ colorScheme: system, javaScriptEnabled: false });
    const { page, problems } = await visit(context, first?.url ?? "");
    expect(await background(page)).toBe(BACKGROUND[system]);
    expect(await page.locator(".scheme-switch").isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});

it("loads no script before the first paint: the scheme script is deferred", async () => {
  const context = await openContext();
  const { page, problems } = await visit(context, first?.url ?? "");
  const blocking = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement>("head script")]
      .filter((s) => !s.defer && !s.async && s.type !== "module" && s.type !== "application/ld+json")
      .map((s) => s.outerHTML),
  );
  expect(blocking).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

it("on a static host, which cannot read the cookie, the script applies the choice once the page is parsed", async () => {
  const context = await openContext({ colorScheme: "light" });
  await context.addCookies([{ name: "scheme", value: "dark", url: siteUrl }]);
  // What a static host sends: the page as prepared, whatever the cookie says (fetched from here,
  // outside the browser, so without the cookie).
  await context.route(`${siteUrl}/**`, async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const res = await fetch(route.request().url(), { headers: { "Accept-Encoding": "identity" } });
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.toString("utf8")).not.toMatch(/<html[^>]*data-scheme/);
    await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body });
  });
  const { page, problems } = await visit(context, second?.url ?? "");
  expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe("dark");
  expect(await background(page)).toBe(BACKGROUND.dark);
  expect(await page.getByRole("button", { name: CHOICES.dark }).getAttribute("aria-pressed")).toBe("true");
  expect(problems).toEqual([]);
  await context.close();
});

it("with cookies blocked the switch still changes the page in front of the reader", async () => {
  const context = await openContext({ colorScheme: "dark" });
  await context.addInitScript(() => {
    Object.defineProperty(Document.prototype, "cookie", { get: () => "", set: () => {} });
  });
  const { page, problems } = await visit(context, first?.url ?? "");
  expect(await background(page)).toBe(BACKGROUND.dark);
  await page.getByRole("button", { name: CHOICES.light }).click();
  expect(await background(page)).toBe(BACKGROUND.light);
  expect(await schemeCookie(context)).toBeUndefined();
  expect(problems).toEqual([]);
  await context.close();
});
