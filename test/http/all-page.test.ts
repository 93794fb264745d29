// /all: every question and answer on one page, each section reachable as /all#<slug>.
import * as cheerio from "cheerio";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { BASE_URL, fixture, makeApp } from "../helpers.js";
import { contentFolders } from "./content-folders.js";

describe.each(contentFolders())("over $name", ({ dir, site }) => {
  const app = makeApp(dir);
  const { questions, pages } = site;

  describe("GET /all", () => {
    it("shows every question and its answer in the document's order, each section's id its slug", async () => {
      const res = await request(app).get("/all").expect(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      const $ = cheerio.load(res.text);
      const sections = $("main section.all-item");
      expect(sections.map((_i, el) => $(el).attr("id")).get()).toEqual(questions.map((q) => q.slug));
      sections.each((index, el) => {
        const question = questions[index];
        expect($(el).find("h2").text()).toBe(`${index + 1}. ${question?.question}`);
        for (const line of question?.text.split("\n") ?? []) expect($(el).find(".prose").text()).toContain(line);
        expect($(el).find(`a[href="${question?.url}"]`).length).toBe(1);
      });
      expect($("h1").length).toBe(1);
    });

    it("links each question from a list at the top to its section", async () => {
      const $ = cheerio.load((await request(app).get("/all")).text);
      expect(
        $("nav.all-toc a")
          .map((_i, el) => $(el).attr("href"))
          .get(),
      ).toEqual(questions.map((q) => `#${q.slug}`));
    });

    it("is linked from the contents page and from the header, where it is marked current", async () => {
      const toc = cheerio.load((await request(app).get("/")).text);
      expect(toc('main a[href="/all"]').text()).toBe("在一页中阅读全部问题与回答");
      const all = cheerio.load((await request(app).get("/all")).text);
      expect(all('header nav a[aria-current="page"]').attr("href")).toBe("/all");
      expect(all('header nav a[href="/"]').attr("aria-current")).toBeUndefined();
    });

    it("is in the sitemap", async () => {
      const res = await request(app).get("/sitemap.xml").expect(200);
      expect(res.text).toContain(`<loc>${BASE_URL}/all</loc>`);
    });

    it("prints each answer's permanent address in place of the link to it", async () => {
      const $ = cheerio.load((await request(app).get("/all")).text);
      expect($("section.all-item .print-only").first().text()).toBe(` · 网址：${BASE_URL}${questions[0]?.url}`);
    });
  });

  describe("aria-current in navigation", () => {
    it.each([["/", "header nav"], ["/all", "header nav"], ...pages.map((p) => [p.url, "footer nav"])])(
      "%s is marked current in the %s",
      async (url, nav) => {
        const $ = cheerio.load((await request(app).get(url)).text);
        expect($(`${nav} a[aria-current="page"]`).attr("href")).toBe(url);
        expect($('nav a[aria-current="page"]').length).toBe(1);
      },
    );

    it("marks the question page current in its breadcrumb", async () => {
      const $ = cheerio.load((await request(app).get(questions[0]?.url ?? "")).text);
      expect($('nav.breadcrumb [aria-current="page"]').text()).toBe("问题 1");
    });
  });
});

describe("GET /all over the headings fixture", () => {
  it("keeps heading ids unique when two answers share a heading, and headings below the question", async () => {
    const res = await request(makeApp(fixture("headings")))
      .get("/all")
      .expect(200);
    const $ = cheerio.load(res.text);
    const ids = $("[id]")
      .map((_i, el) => $(el).attr("id"))
      .get();
    expect(new Set(ids).size).toBe(ids.length);
    expect($("#alpha h3").first().attr("id")).toBe("alpha--办理步骤");
    expect($("#alpha-notes h3").first().attr("id")).toBe("alpha-notes--办理步骤");
    expect($('#alpha a.heading-anchor[href="#alpha--办理步骤"]').length).toBe(1);
  });
});
