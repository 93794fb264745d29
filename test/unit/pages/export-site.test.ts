// The export's file layout: pages as <path>/index.html, other files as named, a page that moves
// readers on for each redirect in the page map, and a stop when two URLs want one file.
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { exportFiles, fileForUrl } from "../../../src/pages/export-site.js";
import { preparer, REVALIDATE } from "../../../src/pages/prepared.js";

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
  it("writes a redirect (an alias's 301) as a page that sends readers on, with a canonical link", () => {
    const moved = prepare("", {
      type: "text/html; charset=utf-8",
      cache: REVALIDATE,
      status: 301,
      extra: [["Location", "/questions/invoice"]],
    });
    const files = exportFiles(new Map([["/questions/fapiao", moved]]), html("404"), BASE);
    const $ = cheerio.load(files.get("questions/fapiao/index.html")?.toString("utf8") ?? "");
    expect($('meta[http-equiv="refresh"]').attr("content")).toBe("0; url=/questions/invoice");
    expect($('link[rel="canonical"]').attr("href")).toBe(`${BASE}/questions/invoice`);
    expect($("a").attr("href")).toBe("/questions/invoice");
  });

  it("writes 404.html and the compressed siblings", () => {
    const files = exportFiles(new Map([["/", html("<p>home</p>".repeat(100))]]), html("<p>gone</p>".repeat(100)), BASE);
    expect([...files.keys()].sort()).toEqual(["404.html", "404.html.br", "404.html.gz", "index.html", "index.html.br", "index.html.gz"]);
  });

  it("stops when two URLs would be written to one file", () => {
    const pages = new Map([
      ["/", html("home")],
      ["/index.html", html("a page named index")],
    ]);
    expect(() => exportFiles(pages, html("404"), BASE)).toThrow("/index.html and another URL would both be written to index.html");
  });
});
