import * as cheerio from "cheerio";
import { HtmlValidate } from "html-validate";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH } from "../../src/http/search-route.js";
import { BASE_URL, captureLog, fixture, makeApp, makeServer } from "../helpers.js";
import { contentFolders, firstPageUrl, firstQuestionUrl } from "./content-folders.js";

// What a query finds, marks and counts is asserted over the search fixture, whose three answers
// are fixed; what every search page lists is read from the content folder it runs on.
const { lines: logged, destination } = captureLog();
const app = makeServer(fixture("search"), { destination, level: "error" }).handle;
const search = (query: string) => request(app).get(`/search?q=${encodeURIComponent(query)}`);
/** The value the header box is filled with, still HTML-escaped as sent. */
const boxValue = (html: string) => /<input id="site-search-q"[^>]* value="([^"]*)"/.exec(html)?.[1];
/** Where each result leads: its link goes through /search/go?q=…&to=<slug> to count the click-through. */
const links = (html: string) =>
  [...html.matchAll(/class="search-result-title" href="([^"]+)"/g)].map((m) => {
    const to = new URL(String(m[1]).replaceAll("&amp;", "&"), BASE_URL).searchParams.get("to");
    return to === null ? m[1] : `/questions/${to}`;
  });

describe("the search box", () => {
  it("is a plain GET form to /search in the header of every page, so it works without JavaScript", async () => {
    const site = makeApp();
    for (const url of ["/", firstQuestionUrl(), firstPageUrl(), "/no-such-page", "/search?q=发票"]) {
      const res = await request(site).get(encodeURI(url));
      expect(res.text, url).toMatch(
        /<header[\s\S]*<form class="site-search" role="search" action="\/search" method="get">[\s\S]*<\/header>/,
      );
      expect(res.text, url).toContain('name="q"');
      expect(res.text, url).toContain(`maxlength="${MAX_QUERY_LENGTH}"`);
    }
  });

  it("loads the as-you-type script from our own hashed URL (CSP allows no inline script)", async () => {
    const res = await request(app).get("/");
    const src = /<script src="(\/assets\/search-suggest\.[\w-]+\.js)" defer><\/script>/.exec(res.text)?.[1];
    expect(src).toBeDefined();
    const script = await request(app).get(src as string);
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.text).toContain("/search.json?q=");
    expect(script.text).not.toContain("innerHTML");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
  });
});

describe("GET /search", () => {
  it("lists matching questions best first, linked, with the matched words marked in a snippet", async () => {
    const res = await search("ISP 发票");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(links(res.text)[0]).toBe("/questions/invoice");
    expect(res.text).toContain(
      '<a class="search-result-title" href="/search/go?q=ISP+%E5%8F%91%E7%A5%A8&amp;to=invoice"><mark>ISP</mark>经营许可证咨询服务如何获取<mark>发票</mark>？</a>',
    );
    expect(res.text).toMatch(/<p class="search-snippet">获取<mark>发票<\/mark>位置/);
    expect(res.text).toContain("找到 3 个相关问题");
  });

  it("keeps the query in the box and in the heading", async () => {
    const res = await search("退款");
    expect(boxValue(res.text)).toBe("退款");
    expect(res.text).toContain("<h1>“退款”的搜索结果</h1>");
    expect(links(res.text)).toEqual(["/questions/refund"]);
  });

  it("tells search engines not to index it, and names no canonical URL", async () => {
    const res = await search("发票");
    expect(res.text).toContain('<meta name="robots" content="noindex">');
    expect(res.headers["x-robots-tag"]).toBe("noindex");
    expect(res.text).not.toContain('rel="canonical"');
  });

  it("caps the query at 100 characters with a clear message, keeping the first 100 in the box", async () => {
    const ok = await search("发".repeat(MAX_QUERY_LENGTH));
    expect(ok.status).toBe(200);
    const res = await search("发".repeat(MAX_QUERY_LENGTH + 1));
    expect(res.status).toBe(400);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.text).toContain("搜索词太长：最多 100 个字，您输入了 101 个字。请缩短后再搜索。");
    expect(boxValue(res.text)).toBe("发".repeat(MAX_QUERY_LENGTH));
    expect(res.text).toContain('<meta name="robots" content="noindex">');
  });

  it("supports HEAD and revalidation with an ETag", async () => {
    const first = await search("发票");
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const again = await request(app)
      .get("/search?q=%E5%8F%91%E7%A5%A8")
      .set("If-None-Match", first.headers.etag as string);
    expect(again.status).toBe(304);
    const head = await request(app).head("/search?q=%E5%8F%91%E7%A5%A8");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(first.headers["content-length"]);
  });

  it("answers other methods with 405 and the methods it allows", async () => {
    for (const url of ["/search", "/search.json"]) {
      const res = await request(app).post(url).send("q=发票");
      expect(res.status, url).toBe(405);
      expect(res.headers.allow, url).toBe("GET, HEAD");
    }
  });
});

describe.each(contentFolders())("search pages that list every question, over $name", ({ dir, site }) => {
  const app = makeApp(dir);
  /** The list of every question, in the document's order, that a page with no results ends with. */
  const listed = (html: string) => {
    const $ = cheerio.load(html);
    return $("main ol.toc a")
      .toArray()
      .map((a) => [$(a).attr("href"), $(a).text()]);
  };
  const everyQuestion = site.questions.map((q) => [q.url, q.question]);

  it("answers an empty query with a hint and the list of questions", async () => {
    for (const url of ["/search", "/search?q=", "/search?q=%20%20", "/search?q=%00"]) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(200);
      expect(res.text, url).toContain("<h1>搜索</h1>");
      expect(listed(res.text), url).toEqual(everyQuestion);
      expect(boxValue(res.text), url).toBe("");
    }
  });

  it("answers no match with a friendly message, the query echoed, and the full list", async () => {
    const res = await request(app).get(`/search?q=${encodeURIComponent("天气预报")}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain("没有找到与“天气预报”相关的问题。");
    expect(res.text).toContain("<h2>全部问题</h2>");
    expect(listed(res.text)).toEqual(everyQuestion);
  });
});

describe("GET /search.json", () => {
  it("gives the same results as data, for the as-you-type script", async () => {
    const res = await request(app).get("/search.json?q=fapiao");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["x-robots-tag"]).toBe("noindex");
    expect(res.body).toMatchObject({
      query: "fapiao",
      total: 1,
      results: [
        {
          url: "/questions/invoice",
          question: "ISP经营许可证咨询服务如何获取发票？",
          title: [
            { text: "ISP经营许可证咨询服务如何获取", mark: false },
            { text: "发票", mark: true },
            { text: "？", mark: false },
          ],
        },
      ],
    });
    expect(res.body.results[0].snippet.some((part: { mark: boolean }) => part.mark)).toBe(true);
  });

  it("answers an empty query with no results, and bad queries with 400 and a message", async () => {
    expect((await request(app).get("/search.json")).body).toEqual({ query: "", total: 0, results: [] });
    const long = await request(app).get(`/search.json?q=${"a".repeat(MAX_QUERY_LENGTH + 1)}`);
    expect(long.status).toBe(400);
    expect(long.body.error).toContain("搜索词太长");
    const repeated = await request(app).get("/search.json?q=a&q=b");
    expect(repeated.status).toBe(400);
    expect(repeated.body.error).toContain("q 参数重复");
  });
});

describe("bad input on /search", () => {
  const attacks = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    ".*",
    "(",
    "[",
    "\\",
    "{{ 7*7 }}",
    "{% raw %}",
  ];

  it.each(attacks)("answers %s with 200 and every character escaped", async (query) => {
    const res = await search(query);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain("<script>alert");
    expect(res.text).not.toContain("<img src=x");
    expect(res.text).not.toContain("<svg");
    const escaped = query
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;")
      .replace(/\\/g, "&#92;");
    expect(boxValue(res.text)).toBe(escaped);
  });

  it("answers raw bytes, broken UTF-8 and odd parameter shapes with 200 or 400, never 5xx", async () => {
    const urls = [
      "/search?q=%00",
      "/search?q=%FF%FE",
      "/search?q=%E5%8F",
      "/search?q=%ED%A0%80",
      "/search?q=%",
      "/search?q=%zz",
      "/search?q[]=x",
      "/search?q[a]=b",
      "/search?q=a&q=b",
      "/search?q=%E2%80%AE%E5%8F%91%E7%A5%A8",
      "/search?q=%F0%9F%98%80",
      `/search?q=${"%E5%8F%91".repeat(200)}`,
      "/search.json?q=%FF",
    ];
    for (const url of urls) {
      const res = await request(app).get(url);
      expect([200, 400], url).toContain(res.status);
      expect(res.text, url).not.toMatch(/<(script|img)[^>]*alert/);
    }
    expect(logged).toEqual([]);
  });

  it("refuses a repeated q with 400 and says why", async () => {
    const res = await request(app).get("/search?q=%E5%8F%91%E7%A5%A8&q=%3Cscript%3E");
    expect(res.status).toBe(400);
    expect(res.text).toContain("网址中有不止一个搜索词（q 参数重复）");
    expect(res.text).not.toContain("<script>");
  });

  it("leaves a URL too long for any query to the URL guard (414)", async () => {
    const res = await request(app).get(`/search?q=${"a".repeat(3000)}`);
    expect(res.status).toBe(414);
  });
});

describe("html-validate (recommended) on search pages", () => {
  const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
  it.each([
    ["results", "/search?q=ISP%20%E5%8F%91%E7%A5%A8"],
    ["empty query", "/search"],
    ["no match", "/search?q=%E5%A4%A9%E6%B0%94"],
    ["over-long query (400)", `/search?q=${"a".repeat(MAX_QUERY_LENGTH + 1)}`],
    ["repeated q (400)", "/search?q=a&q=b"],
    ["markup in the query", "/search?q=%22%3E%3Cimg%20src%3Dx%3E"],
  ])("%s has no errors", async (_name, url) => {
    const res = await request(app).get(url);
    const report = await validator.validateString(res.text);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

describe("the results page <title>", () => {
  it("names the query, shortened when long, and the site", async () => {
    expect((await search("发票")).text).toContain("<title>“发票”的搜索结果 - 搜索测试站点</title>");
    expect((await search("发".repeat(40))).text).toContain(`<title>“${"发".repeat(30)}…”的搜索结果 - 搜索测试站点</title>`);
    expect((await request(app).get("/search?q=a&q=b")).text).toContain("<title>无法搜索 - 搜索测试站点</title>");
  });
});
