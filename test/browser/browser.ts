// Debian's Chromium driven by playwright-core: the launch flags this machine needs, and a
// page opener that records console errors and failed requests so every test can assert none.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** Where Debian puts Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Without the background-networking flags Chromium keeps trying to reach Google's servers,
 * which this machine's closed network refuses. Playwright gives each launch a fresh profile.
 */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: EXECUTABLE, args: FLAGS, timeout: 30_000 });
}

export type Scheme = "light" | "dark";

export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 800 }, ...options });
}

export interface Visit {
  page: Page;
  /** Console errors, uncaught exceptions, failed requests and error responses for anything but the page itself. */
  problems: string[];
  /** The page's own HTTP status, which the test asserts (404 for the not-found page). */
  status: number;
}

/** Open url in a new page of context, listening from before the first byte. */
export async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  const own = url.split("#")[0];
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Chromium logs the document's own error status (the 404 page's) as a console error.
    if (message.location().url === own && /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()))
      return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  page.on("response", (response) => {
    if (response.status() >= 400 && response.url() !== own) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(url, { waitUntil: "load" });
  return { page, problems, status: response?.status() ?? 0 };
}

const require = createRequire(import.meta.url);
export const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.0–2.2 A and AA (2.2 AA brings target size, 2.5.8) and axe's best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * axe-core's violations on the page, one line each. Injected with evaluate, not a script
 * tag, so the page's strict CSP stays on; `rules` narrows the run to those rule ids.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const runOnly = rules ? { type: "rule", values: rules } : { type: "tag", values: AXE_TAGS };
  const violations = await page.evaluate(async (only) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } };
    return (await axe.run(document, { runOnly: only, resultTypes: ["violations"] })).violations;
  }, runOnly);
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.help}) at ${node.target.join(" ")}: ${node.failureSummary ?? ""}`));
}

/**
 * One browser for the test file that calls this, launched before its tests and closed after;
 * returns a context opener (fresh cookies, clipboard and scheme per test).
 */
export function useBrowser(): (options?: BrowserContextOptions) => Promise<BrowserContext> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (options) => {
    if (browser === undefined) throw new Error("useBrowser: the browser opens in beforeAll; open contexts inside tests");
    return newContext(browser, options);
  };
}
