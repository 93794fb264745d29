// The page budget. A reader who taps a link gets the answer from the first response: every
// question page, the contents and the 404 page fit, compressed and with their headers, in the
// first flight of a new TCP connection (10 segments of 1,460 bytes, RFC 6928), and carry the
// stylesheet they need inline, and every script is deferred, so nothing render-blocking is fetched.
// All CSS stays under 15 KB, and nothing needs a script to be read.
import { createHash } from "node:crypto";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import type { PreparedResponse, Representation } from "../../src/pages/prepared.js";
import { BASE_URL } from "../helpers.js";
import { contentFolders, siteUrls } from "./content-folders.js";

/** What a server may send before it must wait for the reader's first acknowledgement. */
const FIRST_FLIGHT = 10 * 1460;

/** Bytes on the wire: the status line and headers as writeHead sends them, then the body. */
function wireBytes(answer: Representation): number {
  // Each name is followed by ": " and each value by CRLF: two bytes per part either way.
  const head = answer.head.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0);
  return "HTTP/1.1 200 OK\r\n".length + head + 2 + answer.body.length;
}

describe.each(contentFolders())("page budget over $name", ({ site }) => {
  const { pages, errors, security } = buildSite(site, { publicBaseUrl: BASE_URL });
  const ofType = (type: string) => [...pages].filter(([, page]) => page.headers["Content-Type"]?.startsWith(type));
  const html = ofType("text/html");
  const firstWindow: Array<[string, PreparedResponse]> = [
    ...site.questions.map((q): [string, PreparedResponse] => [q.url, pages.get(q.url) as PreparedResponse]),
    ["/", pages.get("/") as PreparedResponse],
    ["404", errors[404]],
  ];

  it("covers every page", () => {
    expect(html.map(([url]) => url)).toEqual(expect.arrayContaining(siteUrls(site)));
    for (const [url, page] of firstWindow) expect(page, url).toBeDefined();
  });

  it.each(firstWindow.flatMap(([url, page]) => (["br", "gzip"] as const).map((coding) => [url, coding, page] as const)))(
    "%s fits in the first TCP flight as %s",
    (_url, coding, page) => {
      const answer = page[coding];
      expect(answer, `no ${coding} variant`).toBeDefined();
      expect(wireBytes(answer as Representation)).toBeLessThanOrEqual(FIRST_FLIGHT);
    },
  );

  it.each(html.map(([url, page]) => [url, page.body.toString("utf8")]))("%s carries its stylesheet", (_url, text) => {
    const $ = cheerio.load(text);
    expect($('link[rel="stylesheet"]')).toHaveLength(0);
    const styles = $("head style");
    expect(styles).toHaveLength(1);
    const hash = `sha256-${createHash("sha256").update(styles.text(), "utf8").digest("base64")}`;
    const csp = new Map(security).get("Content-Security-Policy") ?? "";
    expect(csp).toContain(`style-src 'self' '${hash}'`);
    expect(csp).not.toContain("unsafe-inline");
  });

  // The error pages too: a 404 is often the first page a mistyped link shows.
  it.each([...html, ...Object.entries(errors)].map(([url, page]) => [url, page.body.toString("utf8")]))(
    "%s fetches nothing render-blocking and runs no inline script",
    (_url, text) => {
      const $ = cheerio.load(text);
      for (const script of $("head script[src]").toArray()) {
        const { defer, async, type } = script.attribs;
        expect(defer !== undefined || async !== undefined || type === "module", $.html(script)).toBe(true);
      }
      // Inline, only data for search engines, which no browser runs (and the CSP would refuse a script).
      for (const script of $("script:not([src])").toArray()) expect(script.attribs.type, $.html(script)).toBe("application/ld+json");
      expect(new Map(security).get("Content-Security-Policy")).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
    },
  );

  it("keeps the stylesheet under 15 KB", () => {
    const $ = cheerio.load(pages.get("/")?.body.toString("utf8") ?? "");
    expect(Buffer.byteLength($("head style").text())).toBeLessThan(15 * 1024);
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
