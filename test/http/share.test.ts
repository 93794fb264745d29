// The share box on each question page: permanent link, copy button and QR code.
import * as cheerio from "cheerio";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { BASE_URL, makeApp } from "../helpers.js";
import { contentFolders } from "./content-folders.js";

describe.each(contentFolders())("over $name", ({ dir, site }) => {
  const app = makeApp(dir);
  const { questions } = site;

  describe("GET /questions/:slug share box", () => {
    it.each(questions.map((q) => q.url))("%s shows its permanent link, a hidden copy button and a QR code", async (url) => {
      const res = await request(app).get(url).expect(200);
      const $ = cheerio.load(res.text);
      const canonical = `${BASE_URL}${url}`;
      const share = $("main section.share");
      expect(share.find("h2").text()).toBe("分享这个回答");
      // Visible and selectable without JavaScript.
      expect(share.find(".permalink a").attr("href")).toBe(canonical);
      expect(share.find(".permalink a").text()).toBe(canonical);
      // Shown by the script only: without it the button could do nothing.
      const button = share.find("button.copy-button");
      expect(button.text()).toBe("复制链接");
      expect(button.attr("hidden")).toBeDefined();
      expect(button.attr("type")).toBe("button");
      expect(button.attr("data-copy-link")).toBe(canonical);
      expect($(`#${button.attr("data-copy-status")}`).attr("role")).toBe("status");
      // The QR code is inline markup with an accessible name, made at start-up.
      const svg = share.find("figure.qr svg.qr-code");
      expect(svg.attr("role")).toBe("img");
      expect(svg.attr("aria-label")).toBe(`本页链接的二维码：${canonical}`);
      expect(share.find("figure.qr figcaption").text()).toBe("扫码在手机上打开");
    });

    it("loads the copy script from public/ under a hashed URL, deferred, with no inline script", async () => {
      const res = await request(app)
        .get(questions[0]?.url ?? "")
        .expect(200);
      const $ = cheerio.load(res.text);
      // Every page also loads the search suggestions script; each script is a deferred file.
      const scripts = $("script").filter((_i, el) => $(el).attr("type") !== "application/ld+json");
      scripts.each((_i, el) => {
        expect($(el).attr("src")).toMatch(/^\/assets\/[\w-]+\.[\w-]{10}\.js$/);
        expect($(el).attr("defer")).toBeDefined();
        expect($(el).html()).toBe("");
      });
      const src =
        scripts
          .map((_i, el) => $(el).attr("src"))
          .get()
          .find((url: string) => url.includes("copy-link")) ?? "";
      expect(src).toMatch(/^\/assets\/copy-link\.[\w-]{10}\.js$/);
      const js = await request(app).get(src).expect(200);
      expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
      expect(js.text).toContain("navigator.clipboard");
    });

    it("has no style attribute anywhere, which the CSP (style-src 'self') would block", async () => {
      for (const url of ["/", "/all", ...questions.map((q) => q.url)]) {
        const res = await request(app).get(url).expect(200);
        expect(cheerio.load(res.text)("[style], style").length).toBe(0);
      }
    });

    it("prints the page's address and the document version in the footer", async () => {
      const res = await request(app)
        .get(questions[0]?.url ?? "")
        .expect(200);
      const $ = cheerio.load(res.text);
      expect($("footer .print-only").text()).toBe(`本页网址：${BASE_URL}${questions[0]?.url}`);
      expect($("footer").text()).toContain(`文档版本 ${site.facts.documentVersion}`);
    });
  });
});
