// The exported site's search in Chromium: served by express.static with the site's own security
// headers (CSP script-src 'self'), the search module loads only once the box is focused, the
// suggestions and search.html show results from it, and with JavaScript off search.html says
// search needs JavaScript and links to the all-in-one page. Over the search fixture, so what a
// query finds does not change when the site's content grows.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { loadSite } from "../../src/content/load.js";
import { useBrowser, visit } from "./browser.js";
import { ROOT } from "./server.js";

const work = mkdtempSync(path.join(tmpdir(), "faq-export-browser-"));
const dir = path.join(work, "site");
let server: http.Server | undefined;
let siteUrl = "";

beforeAll(async () => {
  const result = spawnSync(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    ["src/export.ts", dir, "--base-url", "https://isp-faq.example.com"],
    {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: path.join(ROOT, "test", "fixtures", "search") },
      encoding: "utf8",
    },
  );
  expect(result.status, result.stderr).toBe(0);
  const { security } = buildSite(loadSite(path.join(ROOT, "content")), { publicBaseUrl: "https://isp-faq.example.com" });
  const app = express();
  app.use((_req, res, next) => {
    // The site's own headers, its inline stylesheet's hash in the CSP included.
    for (const [name, value] of security) res.setHeader(name, value);
    next();
  });
  app.use(express.static(dir));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

const openContext = useBrowser();

describe("an exported site's search", () => {
  it("loads its module on focus, suggests as you type, and shows results on search.html, under the CSP", async () => {
    const context = await openContext();
    const { page, problems } = await visit(context, `${siteUrl}/`);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.waitForTimeout(300);
    expect(requested.filter((url) => url.includes("/assets/search."))).toEqual([]);
    await page.locator("#site-search-q").focus();
    await page.locator("#site-search-q").pressSequentially("fapiao");
    const suggestion = page.locator("#search-suggest a").first();
    await suggestion.waitFor();
    expect(await suggestion.getAttribute("href")).toBe("/questions/invoice");
    expect(await page.locator("#search-suggest mark").first().textContent()).toBe("发票");
    expect(requested.some((url) => /^\/assets\/search\.[\w-]+\.js$/.test(url))).toBe(true);
    expect(requested.some((url) => /^\/assets\/search-index\.[\w-]+\.json$/.test(url))).toBe(true);
    await Promise.all([page.waitForURL(/\/search\.html\?q=fapiao$/), page.locator("#site-search-q").press("Enter")]);
    const first = page.locator(".search-result-title").first();
    await first.waitFor();
    expect(await first.getAttribute("href")).toBe("/questions/invoice");
    expect(await page.locator(".search-result mark").first().textContent()).toBe("发票");
    expect(await page.locator("#site-search-q").inputValue()).toBe("fapiao");
    expect(await page.title()).toMatch(/^“fapiao”的搜索结果 - /);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("says plainly that search needs JavaScript when it is off, and links to the all-in-one page", async () => {
    const context = await openContext({ javaScriptEnabled: false });
    const { page, status, problems } = await visit(context, `${siteUrl}/search.html?q=${encodeURIComponent("发票")}`);
    expect(status).toBe(200);
    expect(await page.locator(".search-page").textContent()).toContain("搜索需要浏览器启用 JavaScript");
    expect(await page.locator(".search-page a").getAttribute("href")).toBe("/all");
    expect(problems).toEqual([]);
    await context.close();
  });
});
