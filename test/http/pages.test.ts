// The contents, question, legal and all-in-one pages, the sitemap and robots.txt: what each
// shows is read from the content folder the app runs on (content/, and the copy with a question
// and a page more), so the owner can add a question without editing a test.
import * as cheerio from "cheerio";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { BASE_URL, fixture, makeApp } from "../helpers.js";
import { contentFolders, firstQuestionUrl, siteUrls } from "./content-folders.js";

const app = makeApp();

async function page(target: ReturnType<typeof makeApp>, path: string) {
  const res = await request(target).get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
  return { res, $: cheerio.load(res.text) };
}

function jsonLd($: cheerio.CheerioAPI): Array<Record<string, unknown>> {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((el) => JSON.parse($(el).text()));
}

describe.each(contentFolders())("over $name", ({ dir, site }) => {
  const app = makeApp(dir);
  const { facts, questions, pages } = site;
  const get = (path: string) => page(app, path);

  describe("GET /", () => {
    it("shows the site title, the document version and every question in the document's order", async () => {
      const { $ } = await get("/");
      expect($("h1").text()).toBe(facts.title);
      expect($("main").text()).toContain(`文档版本 ${facts.documentVersion}`);
      const items = $("ol.toc > li").toArray();
      expect(items.map((li) => [$(li).find("a").attr("href"), $(li).find(".toc-question").text()])).toEqual(
        questions.map((q) => [q.url, q.question]),
      );
      expect(items.map((li) => $(li).find(".toc-number").text())).toEqual(questions.map((_q, i) => String(i + 1)));
      expect(items.map((li) => $(li).find(".toc-summary").text())).toEqual(questions.map((q) => q.summary));
    });

    it("carries title, description, canonical and Open Graph tags", async () => {
      const { $ } = await get("/");
      expect($("html").attr("lang")).toBe("zh-CN");
      expect($("title").text()).toBe(facts.title);
      expect($('meta[name="description"]').attr("content")).toBe(facts.description);
      expect($('link[rel="canonical"]').attr("href")).toBe(`${BASE_URL}/`);
      expect($('meta[property="og:url"]').attr("content")).toBe(`${BASE_URL}/`);
      expect($('meta[property="og:title"]').attr("content")).toBe(facts.title);
      expect($('meta[property="og:locale"]').attr("content")).toBe("zh_CN");
    });

    it("describes the site as a schema.org WebSite, and marks up no answer it does not show", async () => {
      const { $ } = await get("/");
      expect(jsonLd($)).toEqual([
        expect.objectContaining({
          "@type": "WebSite",
          "@id": `${BASE_URL}/#website`,
          url: `${BASE_URL}/`,
          name: facts.title,
          inLanguage: "zh-CN",
        }),
      ]);
      expect($.html()).not.toContain('"FAQPage"');
    });

    it("marks up each question and its answer as a FAQPage exactly once across the site", async () => {
      const marked: Array<{ on: string; name: string; answer: string }> = [];
      for (const url of siteUrls(site)) {
        for (const node of jsonLd((await get(url)).$)) {
          if (node["@type"] !== "FAQPage") continue;
          for (const entity of node.mainEntity as Array<{ name: string; acceptedAnswer: { text: string } }>) {
            marked.push({ on: url, name: entity.name, answer: entity.acceptedAnswer.text });
          }
        }
      }
      expect(marked).toEqual(questions.map((q) => ({ on: q.url, name: q.question, answer: q.text })));
    });
  });

  describe("GET /questions/:slug", () => {
    it.each(questions.map((q) => [q.url, q.question]))(
      "%s has the question as its only h1, a breadcrumb and its own metadata",
      async (url, question) => {
        const { $ } = await get(url);
        expect($("h1")).toHaveLength(1);
        expect($("h1").text()).toContain(question);
        expect($("title").text()).toBe(`${question} - ${facts.title}`);
        expect($('nav[aria-label="面包屑"] a').first().attr("href")).toBe("/");
        expect($('link[rel="canonical"]').attr("href")).toBe(`${BASE_URL}${url}`);
        expect($('meta[property="og:type"]').attr("content")).toBe("article");
        expect($('meta[property="og:title"]').attr("content")).toBe(question);
        expect($('meta[name="description"]').attr("content")).toBe($('meta[property="og:description"]').attr("content"));

        const [faq, crumbs] = jsonLd($);
        expect(faq).toMatchObject({ "@type": "FAQPage", url: `${BASE_URL}${url}`, mainEntity: [{ "@type": "Question", name: question }] });
        expect(crumbs).toMatchObject({
          "@type": "BreadcrumbList",
          itemListElement: [{ item: `${BASE_URL}/` }, { item: `${BASE_URL}${url}` }],
        });
      },
    );

    it("links each question to the previous and next in the document's order", async () => {
      const links = [];
      for (const { url } of questions) {
        const { $ } = await get(url);
        links.push([$('a[rel="prev"]').attr("href") ?? null, $('a[rel="next"]').attr("href") ?? null]);
      }
      expect(links).toEqual(questions.map((_q, i) => [questions[i - 1]?.url ?? null, questions[i + 1]?.url ?? null]));
    });
  });

  describe("pages from content/pages", () => {
    it.each(pages.map((p) => [p.url, p]))("%s shows its title and its text", async (url, { title, text }) => {
      const { $ } = await get(url);
      expect($("h1").text()).toBe(title);
      expect($("title").text()).toBe(`${title} - ${facts.title}`);
      for (const line of text.split("\n").filter((l) => l.trim() !== "")) expect($("main .prose").text()).toContain(line);
    });

    it("are each linked from every page's footer, the 404 page's too", async () => {
      for (const url of [...siteUrls(site), "/no-such-page"]) {
        const $ = cheerio.load((await request(app).get(url)).text);
        expect(
          $("footer nav a")
            .toArray()
            .map((a) => [$(a).attr("href"), $(a).text()]),
          url,
        ).toEqual(pages.map((p) => [p.url, p.title]));
        // /sitemap.xml is for crawlers (robots.txt names it); readers are not sent to raw XML.
        expect($('a[href="/sitemap.xml"]'), url).toHaveLength(0);
      }
    });

    it("calls the contents by one name, 目录, wherever a link leads there", async () => {
      for (const url of [...siteUrls(site), "/no-such-page"]) {
        const $ = cheerio.load((await request(app).get(url)).text);
        // The site's name in the header also leads there; every other link says what it is.
        const words = $('a[href="/"]:not(.site-title)')
          .toArray()
          .map((a) => $(a).text().trim());
        expect(words.length, url).toBeGreaterThan(0);
        for (const word of words) expect(word, url).toMatch(/^(返回)?目录$/);
      }
    });
  });

  describe("every page", () => {
    it.each(siteUrls(site))("%s has landmarks, a skip link, stylesheet and favicon", async (url) => {
      const { $ } = await get(url);
      expect($("header")).toHaveLength(1);
      expect($("main#main")).toHaveLength(1);
      expect($("footer")).toHaveLength(1);
      expect($("nav").length).toBeGreaterThanOrEqual(2);
      expect($("body > a.skip-link").attr("href")).toBe("#main");
      // The stylesheet is in the page (page-budget.test.ts checks its CSP hash).
      expect($('link[rel="stylesheet"]')).toHaveLength(0);
      expect($("head style").text()).toContain('"Noto Sans CJK SC"');
      expect($('link[rel="icon"]').attr("href")).toMatch(/^\/assets\/favicon\.[\w-]{10}\.svg$/);
      // Scripts only as files of our own (the CSP allows no inline script), loaded without
      // blocking (page-budget.test.ts).
      for (const script of $("script:not([type='application/ld+json'])").toArray()) {
        expect($(script).attr("src")).toMatch(/^\/assets\/[\w-]+\.[\w-]{10}\.js$/);
        expect($(script).attr("defer")).toBeDefined();
        expect($(script).html()).toBe("");
      }
    });
  });

  describe("GET /sitemap.xml", () => {
    it("lists every page by absolute URL, the contents page dated by the latest change", async () => {
      const res = await request(app).get("/sitemap.xml");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/xml; charset=utf-8");
      const $ = cheerio.load(res.text, { xml: true });
      const texts = (selector: string) =>
        $(selector)
          .toArray()
          .map((el) => $(el).text());
      expect(texts("url > loc")).toEqual(siteUrls(site).map((url) => `${BASE_URL}${url}`));
      const latest = [...questions, ...pages].map((doc) => doc.updated).sort();
      expect(texts("url > lastmod")[0]).toBe(latest.at(-1));
      expect(texts("url > lastmod").slice(1, 1 + questions.length)).toEqual(questions.map((q) => q.updated));
    });
  });
});

describe("a fifth question in a fixture folder", () => {
  it("is served, listed last in the contents and in the sitemap with no code change", async () => {
    const fifth = makeApp(fixture("five-questions"));
    const res = await request(fifth).get("/questions/icp-filing");
    expect(res.status).toBe(200);
    expect(cheerio.load(res.text)("h1").text()).toContain("如何办理ICP备案？");
    const toc = cheerio.load((await request(fifth).get("/")).text);
    expect(toc("ol.toc > li a").last().attr("href")).toBe("/questions/icp-filing");
    expect((await request(fifth).get("/sitemap.xml")).text).toContain(`${BASE_URL}/questions/icp-filing`);
  });
});

describe("assets", () => {
  it("serves the scripts and favicon under hashed names with long-lived caching, and inlines the CSS with Chinese fonts", async () => {
    const { $ } = await page(app, "/");
    const files = [
      $('link[rel="icon"]').attr("href"),
      ...$("script[src]")
        .map((_i, el) => $(el).attr("src"))
        .get(),
    ];
    expect(files.length).toBeGreaterThan(1);
    for (const href of files) {
      const res = await request(app).get(href ?? "");
      expect(res.status).toBe(200);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
    const css = $("head style").text();
    expect(css).toContain('"PingFang SC"');
    expect(css).toContain('"Microsoft YaHei"');
    expect(css).toContain('"Noto Sans CJK SC"');
  });
});

describe("GET /robots.txt", () => {
  it("names the sitemap in robots.txt", async () => {
    const res = await request(app).get("/robots.txt");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.text).toContain(`Sitemap: ${BASE_URL}/sitemap.xml`);
  });
});

describe("caching", () => {
  const url = firstQuestionUrl();
  it("answers If-None-Match with 304 and a strong ETag", async () => {
    const first = await request(app).get(url);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const again = await request(app)
      .get(url)
      .set("If-None-Match", first.headers.etag ?? "");
    expect(again.status).toBe(304);
    expect(again.text ?? "").toBe("");
  });

  it("redirects a trailing slash to the page's one URL", async () => {
    const res = await request(app).get(`${url}/?from=chat`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`${url}?from=chat`);
  });
});
