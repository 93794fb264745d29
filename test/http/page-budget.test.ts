// The page budget. A reader who taps a link gets the answer from the first response: every
// question page, the contents and the 404 page fit, compressed and with their headers, in the
// first flight of a new TCP connection (10 segments of 1,460 bytes, RFC 6928), and carry the
// stylesheet they need inline, so nothing render-blocking but one tiny script is fetched.
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
/** The one script allowed to block rendering: it sets the reader's colour scheme before the first paint. */
const BLOCKING_SCRIPT = /^\/assets\/scheme\.[\w-]{10}\.js$/;

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

  it.each(html.map(([url, page]) => [url, page.body.toString("utf8")]))(
    "%s carries its stylesheet and fetches nothing render-blocking but the scheme script",
    (_url, text) => {
      const $ = cheerio.load(text);
      expect($('link[rel="stylesheet"]')).toHaveLength(0);
      const styles = $("head style");
      expect(styles).toHaveLength(1);
      const hash = `sha256-${createHash("sha256").update(styles.text(), "utf8").digest("base64")}`;
      const csp = new Map(security).get("Content-Security-Policy") ?? "";
      expect(csp).toContain(`style-src 'self' '${hash}'`);
      expect(csp).not.toContain("unsafe-inline");
      const blocking = $("script[src]:not([defer]):not([async])")
        .map((_i, el) => $(el).attr("src"))
        .get();
      expect(blocking).toHaveLength(1);
      expect(blocking[0]).toMatch(BLOCKING_SCRIPT);
    },
  );

  it("keeps the scheme script tiny, as every first paint waits for it", () => {
    const [, script] = ofType("text/javascript").find(([url]) => BLOCKING_SCRIPT.test(url)) ?? [];
    expect(script?.br?.body.length ?? 0).toBeGreaterThan(0);
    expect(script?.br?.body.length).toBeLessThan(1024);
  });

  it("keeps the stylesheet under 15 KB", () => {
    const $ = cheerio.load(pages.get("/")?.body.toString("utf8") ?? "");
    expect(Buffer.byteLength($("head style").text())).toBeLessThan(15 * 1024);
  });

  it.each(html.map(([url, page]) => [url, page.body.toString("utf8")]))("%s needs no script to be read", (_url, text) => {
    const $ = cheerio.load(text);
    for (const script of $("script").toArray()) {
      const { type, src, defer, async } = script.attribs;
      // Data for search engines, an enhancement that loads after the page is usable, or the
      // scheme script, which only picks colours.
      const harmless =
        type === "application/ld+json" ||
        (src !== undefined && (defer !== undefined || async !== undefined || type === "module" || BLOCKING_SCRIPT.test(src)));
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
