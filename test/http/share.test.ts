// The share box on each question page: permanent link, copy button and QR code.
import { createHash } from "node:crypto";
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
      const share = $("main section.share:not(.feedback)");
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
      // Every page also loads the search suggestions and scheme scripts; each script is a file.
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

    it("has no style attribute anywhere and one <style>, the one the CSP names by its hash", async () => {
      for (const url of ["/", "/all", ...questions.map((q) => q.url)]) {
        const res = await request(app).get(url).expect(200);
        const $ = cheerio.load(res.text);
        expect($("[style]").length).toBe(0);
        expect($("style").length).toBe(1);
        const hash = createHash("sha256").update($("style").text(), "utf8").digest("base64");
        expect(res.headers["content-security-policy"]).toContain(`style-src 'self' 'sha256-${hash}'`);
      }
    });

    it.each(["/", ...questions.map((q) => q.url)])(
      "%s previews in chat apps: a large share image and the Twitter card tags",
      async (url) => {
        const res = await request(app).get(url).expect(200);
        const $ = cheerio.load(res.text);
        const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr("content");
        const image = meta("og:image") ?? "";
        expect(image).toMatch(new RegExp(`^${BASE_URL}/assets/share\\.[\\w-]{10}\\.png$`));
        expect(meta("twitter:image")).toBe(image);
        expect(meta("twitter:card")).toBe("summary_large_image");
        expect(meta("twitter:title")).toBe(meta("og:title"));
        expect(meta("og:image:alt")).toBeTruthy();
        const png = await request(app).get(image.slice(BASE_URL.length)).expect(200);
        expect(png.headers["content-type"]).toBe("image/png");
        // The size the tags claim: PNG keeps width and height at bytes 16–23.
        const body = png.body as Buffer;
        expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([Number(meta("og:image:width")), Number(meta("og:image:height"))]);
      },
    );

    it.each(questions.map((q, i) => [q.url, i + 1] as const))("%s names its breadcrumb in JSON-LD as the page shows it", async (url) => {
      const res = await request(app).get(url).expect(200);
      const $ = cheerio.load(res.text);
      const shown = $("nav.breadcrumb li")
        .map((_i, el) => $(el).text().trim())
        .get();
      const data = $('script[type="application/ld+json"]')
        .map((_i, el) => JSON.parse($(el).text()))
        .get() as Array<{ "@type": string; itemListElement?: Array<{ name: string }> }>;
      const trail = data.find((d) => d["@type"] === "BreadcrumbList")?.itemListElement?.map((item) => item.name);
      expect(trail).toEqual(shown);
    });

    it.each(questions.map((q) => q.url))("%s lets its permanent link break only after a slash", async (url) => {
      const res = await request(app).get(url).expect(200);
      const link = cheerio.load(res.text)(".permalink a");
      const pieces = link.html()?.split("<wbr>") ?? [];
      expect(pieces.length).toBeGreaterThan(2);
      for (const piece of pieces.slice(0, -1)) expect(piece.endsWith("/")).toBe(true);
    });

    it("prints the page's address and the document version in the footer", async () => {
      const res = await request(app)
        .get(questions[0]?.url ?? "")
        .expect(200);
      const $ = cheerio.load(res.text);
      expect($("footer .print-only").text()).toBe(`本页网址：${BASE_URL}${questions[0]?.url}`);
      expect($("footer").text()).toContain(`文档版本 ${site.facts.documentVersion}`);
      // A version written as a date is said as one.
      if (/^\d{8}$/.test(site.facts.documentVersion)) expect($("footer").text()).toMatch(/（\d{4}年\d{1,2}月\d{1,2}日版）/);
    });
  });
});
