// The export's file layout: pages as <path>/index.html, other files as named, a page that moves
// readers on for each redirect in the page map, and a stop when two URLs want one file.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../../src/build-site.js";
import { loadSite } from "../../../src/content/load.js";
import { exportFiles, fileForUrl } from "../../../src/pages/export-site.js";
import { preparer, REVALIDATE } from "../../../src/pages/prepared.js";
import { fixture } from "../../helpers.js";

const prepare = preparer([]);
const html = (body: string) => prepare(body, { type: "text/html; charset=utf-8", cache: REVALIDATE });
const BASE = "https://isp-faq.example.com";

describe("fileForUrl", () => {
  it.each([
    ["/", "index.html"],
    ["/questions/invoice", "questions/invoice/index.html"],
    ["/legal", "legal/index.html"],
    ["/search.html", "search.html"],
  ])("%s → %s", (url, file) => expect(fileForUrl(url, html("x"))).toBe(file));

  it("keeps other files under their own names", () => {
    expect(fileForUrl("/sitemap.xml", prepare("<urlset/>", { type: "application/xml", cache: REVALIDATE }))).toBe("sitemap.xml");
  });
});

describe("exportFiles", () => {
  it("writes an alias's 301 as its page that sends readers on, with a canonical link, at the old address", () => {
    // The aliases fixture, without its question that still links to an old address.
    const dir = mkdtempSync(path.join(tmpdir(), "faq-aliases-"));
    cpSync(fixture("aliases"), dir, { recursive: true });
    rmSync(path.join(dir, "questions", "other.md"));
    const { pages, errors } = buildSite(loadSite(dir), { publicBaseUrl: BASE });
    rmSync(dir, { recursive: true });
    const [alias, moved] = [...pages].find(([, page]) => page.status === 301) ?? [];
    const files = exportFiles(pages, errors[404]);
    const $ = cheerio.load(files.get(`${alias?.slice(1)}/index.html`)?.toString("utf8") ?? "");
    const target = moved?.head[moved.head.indexOf("Location") + 1];
    expect($('meta[http-equiv="refresh"]').attr("content")).toContain(target);
    expect($('link[rel="canonical"]').attr("href")).toBe(`${BASE}${target}`);
  });

  it("writes 404.html and the compressed siblings", () => {
    const files = exportFiles(new Map([["/", html("<p>home</p>".repeat(100))]]), html("<p>gone</p>".repeat(100)));
    expect([...files.keys()].sort()).toEqual(["404.html", "404.html.br", "404.html.gz", "index.html", "index.html.br", "index.html.gz"]);
  });

  it("stops when two URLs would be written to one file", () => {
    const pages = new Map([
      ["/", html("home")],
      ["/index.html", html("a page named index")],
    ]);
    expect(() => exportFiles(pages, html("404"))).toThrow("/index.html and another URL would both be written to index.html");
  });
});
