import * as cheerio from "cheerio";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { BASE_URL, fixture, makeApp } from "../helpers.js";

const app = makeApp();

const QUESTIONS = [
  ["/questions/invoice", "ISP经营许可证咨询服务如何获取发票？"],
  ["/questions/national-vs-provincial", "全网ISP和省网ISP有什么区别？"],
  ["/questions/application-notes", "企业办理ISP经营许可证需要注意哪些问题？"],
  ["/questions/refund", "ISP经营许可证咨询服务是否支持退费？"],
] as const;

async function page(path: string) {
  const res = await request(app).get(path);
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
  return { res, $: cheerio.load(res.text) };
}

function jsonLd($: cheerio.CheerioAPI): Array<Record<string, unknown>> {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((el) => JSON.parse($(el).text()));
}

describe("GET /", () => {
  it("shows the site title, the document version and the four questions in the document's order", async () => {
    const { $ } = await page("/");
    expect($("h1").text()).toBe("ISP许可证 常见问题");
    expect($("main").text()).toContain("文档版本 20201127");
    const items = $("ol.toc > li").toArray();
    expect(items.map((li) => [$(li).find("a").attr("href"), $(li).find(".toc-question").text()])).toEqual(
      QUESTIONS.map(([url, q]) => [url, q]),
    );
    expect(items.map((li) => $(li).find(".toc-number").text())).toEqual(["1", "2", "3", "4"]);
    expect($(items[0]).find(".toc-summary").text()).toContain("知识产权服务_知域互联");
  });

  it("carries title, description, canonical and Open Graph tags", async () => {
    const { $ } = await page("/");
    expect($("html").attr("lang")).toBe("zh-CN");
    expect($("title").text()).toBe("ISP许可证 常见问题");
    expect($('meta[name="description"]').attr("content")).toContain("ISP经营许可证咨询服务");
    expect($('link[rel="canonical"]').attr("href")).toBe(`${BASE_URL}/`);
    expect($('meta[property="og:url"]').attr("content")).toBe(`${BASE_URL}/`);
    expect($('meta[property="og:title"]').attr("content")).toBe("ISP许可证 常见问题");
    expect($('meta[property="og:locale"]').attr("content")).toBe("zh_CN");
  });

  it("describes the site as a schema.org WebSite, and marks up no answer it does not show", async () => {
    const { $ } = await page("/");
    expect(jsonLd($)).toEqual([
      expect.objectContaining({
        "@type": "WebSite",
        "@id": `${BASE_URL}/#website`,
        url: `${BASE_URL}/`,
        name: "ISP许可证 常见问题",
        inLanguage: "zh-CN",
      }),
    ]);
    expect($.html()).not.toContain('"FAQPage"');
  });

  it("marks up each question and its answer as a FAQPage exactly once across the site", async () => {
    const marked: Array<{ on: string; name: string; answer: string }> = [];
    for (const url of ["/", "/all", ...QUESTIONS.map(([path]) => path)]) {
      for (const node of jsonLd((await page(url)).$)) {
        if (node["@type"] !== "FAQPage") continue;
        for (const entity of node.mainEntity as Array<{ name: string; acceptedAnswer: { text: string } }>) {
          marked.push({ on: url, name: entity.name, answer: entity.acceptedAnswer.text });
        }
      }
    }
    expect(marked.map((entry) => entry.name)).toEqual(QUESTIONS.map(([, question]) => question));
    expect(marked.map((entry) => entry.on)).toEqual(QUESTIONS.map(([path]) => path));
    expect(marked[3]?.answer).toContain("服务确认开始，则不予退款");
  });
});

describe("GET /questions/:slug", () => {
  it.each(QUESTIONS)("%s has the question as its only h1, a breadcrumb and its own metadata", async (url, question) => {
    const { $ } = await page(url);
    expect($("h1")).toHaveLength(1);
    expect($("h1").text()).toContain(question);
    expect($("title").text()).toBe(`${question} - ISP许可证 常见问题`);
    expect($('nav[aria-label="面包屑"] a').first().attr("href")).toBe("/");
    expect($('link[rel="canonical"]').attr("href")).toBe(`${BASE_URL}${url}`);
    expect($('meta[property="og:type"]').attr("content")).toBe("article");
    expect($('meta[property="og:title"]').attr("content")).toBe(question);
    expect($('meta[name="description"]').attr("content")).toBe($('meta[property="og:description"]').attr("content"));

    const [faq, crumbs] = jsonLd($);
    expect(faq).toMatchObject({ "@type": "FAQPage", url: `${BASE_URL}${url}`, mainEntity: [{ "@type": "Question", name: question }] });
    expect(crumbs).toMatchObject({ "@type": "BreadcrumbList", itemListElement: [{ item: `${BASE_URL}/` }, { item: `${BASE_URL}${url}` }] });
  });

  it("links each question to the previous and next in the document's order", async () => {
    const links = [];
    for (const [url] of QUESTIONS) {
      const { $ } = await page(url);
      links.push([$('a[rel="prev"]').attr("href") ?? null, $('a[rel="next"]').attr("href") ?? null]);
    }
    expect(links).toEqual([
      [null, "/questions/national-vs-provincial"],
      ["/questions/invoice", "/questions/application-notes"],
      ["/questions/national-vs-provincial", "/questions/refund"],
      ["/questions/application-notes", null],
    ]);
  });

  it("serves a fifth question from a fixture folder with no code change", async () => {
    const fifth = makeApp(fixture("five-questions"));
    const res = await request(fifth).get("/questions/icp-filing");
    expect(res.status).toBe(200);
    expect(cheerio.load(res.text)("h1").text()).toContain("如何办理ICP备案？");
    const toc = cheerio.load((await request(fifth).get("/")).text);
    expect(toc("ol.toc > li a").last().attr("href")).toBe("/questions/icp-filing");
    expect((await request(fifth).get("/sitemap.xml")).text).toContain(`${BASE_URL}/questions/icp-filing`);
  });
});

describe("GET /legal", () => {
  it("shows the document's legal notice, linked from every page's footer", async () => {
    const { $ } = await page("/legal");
    expect($("h1").text()).toBe("法律声明");
    expect($(".prose ol > li")).toHaveLength(6);
    expect($("main").text()).toContain("阿里云提醒您阅读或使用本文档之前仔细阅读");
    for (const url of ["/", ...QUESTIONS.map(([u]) => u), "/legal", "/no-such-page"]) {
      const res = await request(app).get(url);
      expect(cheerio.load(res.text)("footer a[href='/legal']").text(), url).toBe("法律声明");
    }
  });
});

describe("every page", () => {
  it.each(["/", ...QUESTIONS.map(([u]) => u), "/all", "/legal"])("%s has landmarks, a skip link, stylesheet and favicon", async (url) => {
    const { $ } = await page(url);
    expect($("header")).toHaveLength(1);
    expect($("main#main")).toHaveLength(1);
    expect($("footer")).toHaveLength(1);
    expect($("nav").length).toBeGreaterThanOrEqual(2);
    expect($("body > a.skip-link").attr("href")).toBe("#main");
    expect($('link[rel="stylesheet"]').attr("href")).toMatch(/^\/assets\/style\.[\w-]{10}\.css$/);
    expect($('link[rel="icon"]').attr("href")).toMatch(/^\/assets\/favicon\.[\w-]{10}\.svg$/);
    // Scripts only as files of our own (the CSP allows no inline script), loaded without blocking.
    for (const script of $("script:not([type='application/ld+json'])").toArray()) {
      expect($(script).attr("src")).toMatch(/^\/assets\/[\w-]+\.[\w-]{10}\.js$/);
      expect($(script).attr("defer")).toBeDefined();
      expect($(script).html()).toBe("");
    }
  });
});

describe("assets", () => {
  it("serves the stylesheet and favicon under hashed names with long-lived caching", async () => {
    const { $ } = await page("/");
    for (const href of [$('link[rel="stylesheet"]').attr("href"), $('link[rel="icon"]').attr("href")]) {
      const res = await request(app).get(href ?? "");
      expect(res.status).toBe(200);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
    const css = await request(app).get($('link[rel="stylesheet"]').attr("href") ?? "");
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(css.text).toContain('"PingFang SC"');
    expect(css.text).toContain('"Microsoft YaHei"');
    expect(css.text).toContain('"Noto Sans CJK SC"');
  });
});

describe("GET /sitemap.xml and /robots.txt", () => {
  it("lists every page by absolute URL", async () => {
    const res = await request(app).get("/sitemap.xml");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/xml; charset=utf-8");
    const $ = cheerio.load(res.text, { xml: true });
    expect(
      $("url > loc")
        .toArray()
        .map((el) => $(el).text()),
    ).toEqual([`${BASE_URL}/`, ...QUESTIONS.map(([url]) => `${BASE_URL}${url}`), `${BASE_URL}/all`, `${BASE_URL}/legal`]);
    expect($("url > lastmod").first().text()).toBe("2020-11-27");
  });

  it("names the sitemap in robots.txt", async () => {
    const res = await request(app).get("/robots.txt");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.text).toContain(`Sitemap: ${BASE_URL}/sitemap.xml`);
  });
});

describe("caching", () => {
  it("answers If-None-Match with 304 and a strong ETag", async () => {
    const first = await request(app).get("/questions/refund");
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const again = await request(app)
      .get("/questions/refund")
      .set("If-None-Match", first.headers.etag ?? "");
    expect(again.status).toBe(304);
    expect(again.text ?? "").toBe("");
  });

  it("redirects a trailing slash to the page's one URL", async () => {
    const res = await request(app).get("/questions/refund/?from=chat");
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe("/questions/refund?from=chat");
  });
});
