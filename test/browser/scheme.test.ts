// The colour-scheme switch in the footer: 跟随系统 / 浅色 / 深色, remembered in localStorage
// across pages, applied before the first paint (no flash of the other scheme), and without
// JavaScript the page follows the system.
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
    expect(await page.evaluate(() => localStorage.getItem("color-scheme"))).toBe(choice === "system" ? null : choice);

    // Another page: the choice holds from its first paint on.
    const next = await visit(context, second?.url ?? "");
    expect(await next.page.evaluate(() => document.documentElement.getAttribute("data-test-first-bg"))).toBe(expected);
    expect(await background(next.page)).toBe(expected);
    expect(await next.page.getByRole("button", { name: CHOICES[choice] }).getAttribute("aria-pressed")).toBe("true");
    expect([...problems, ...next.problems]).toEqual([]);
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

it("a stored choice also holds when storage is then blocked: the page falls back to the system", async () => {
  const context = await openContext({ colorScheme: "dark" });
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("blocked", "SecurityError");
      },
    });
  });
  const { page, problems } = await visit(context, first?.url ?? "");
  expect(await background(page)).toBe(BACKGROUND.dark);
  await page.getByRole("button", { name: CHOICES.light }).click();
  expect(await background(page)).toBe(BACKGROUND.light);
  expect(problems).toEqual([]);
  await context.close();
});
