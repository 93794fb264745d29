// The page budget: every HTML page under 20 KB before compression, all CSS together under
// 15 KB, and nothing that needs a script to be read.
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { BASE_URL } from "../helpers.js";
import { contentFolders, siteUrls } from "./content-folders.js";

describe.each(contentFolders())("page budget over $name", ({ site }) => {
  const { pages } = buildSite(site, { publicBaseUrl: BASE_URL });
  const ofType = (type: string) => [...pages].filter(([, page]) => page.headers["Content-Type"]?.startsWith(type));
  const html = ofType("text/html");

  it("covers every page", () => {
    expect(html.map(([url]) => url)).toEqual(expect.arrayContaining(siteUrls(site)));
  });

  it.each(html.map(([url, page]) => [url, page.body.length]))("%s is under 20 KB uncompressed (%i bytes)", (_url, bytes) => {
    expect(bytes).toBeLessThan(20 * 1024);
  });

  it("keeps all CSS together under 15 KB", () => {
    const css = ofType("text/css").reduce((total, [, page]) => total + page.body.length, 0);
    expect(css).toBeGreaterThan(0);
    expect(css).toBeLessThan(15 * 1024);
  });

  it.each(html.map(([url, page]) => [url, page.body.toString("utf8")]))("%s needs no script to be read", (_url, text) => {
    const $ = cheerio.load(text);
    for (const script of $("script").toArray()) {
      const { type, src, defer, async } = script.attribs;
      // Data for search engines, or an enhancement that loads after the page is usable.
      const harmless =
        type === "application/ld+json" || (src !== undefined && (defer !== undefined || async !== undefined || type === "module"));
      expect(harmless, $.html(script)).toBe(true);
    }
    expect($("noscript")).toHaveLength(0);
    expect($("main").text().trim().length).toBeGreaterThan(0);
  });

  it.each(site.questions.map((q) => [q.url, q]))("%s carries its whole answer in the HTML", (url, question) => {
    const page = pages.get(url)?.body.toString("utf8") ?? "";
    expect(page).toContain(question.html);
  });
});
