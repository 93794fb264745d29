// The route table is the one place the site's own paths are named: what answers each, the
// names a page may not take, and the links templates use.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { ContentError, loadSite } from "../../src/content/load.js";
import { LINKS, RESERVED_PAGE_SLUGS, ROUTES } from "../../src/routes.js";
import { fixture, makeServer, ROOT } from "../helpers.js";

describe("ROUTES", () => {
  const server = makeServer();

  it("is answered as it says: the page map, search and health with 200, export-only files with 404", async () => {
    for (const route of Object.values(ROUTES)) {
      if (route.path.endsWith("/") && route.path !== "/") {
        expect(
          [...server.pages.keys()].some((url) => url.startsWith(route.path)),
          route.path,
        ).toBe(true);
        continue;
      }
      const res = await request(server.handle).get(route.path);
      // Feedback and the owner page need a store, which this server has none of (test/http/feedback.test.ts
      // mounts them); a click-through without a target question is a 404, never a redirect.
      const expected = {
        "page map": 200,
        search: 200,
        "search click-through": 404,
        health: 200,
        feedback: 404,
        owner: 404,
        "static export": 404,
        "nothing (browsers ask for it)": 404,
      }[route.answeredBy];
      expect(res.status, route.path).toBe(expected);
      if (route.answeredBy === "page map") expect(server.pages.has(route.path), route.path).toBe(true);
    }
  });

  it("reserves every first path segment the site or its export uses", () => {
    expect([...RESERVED_PAGE_SLUGS].sort()).toEqual(
      [
        "404",
        "all",
        "assets",
        "favicon",
        "feedback",
        "healthz",
        "index",
        "owner",
        "questions",
        "readyz",
        "robots",
        "search",
        "sitemap",
      ].sort(),
    );
  });

  it("refuses a page file that takes a reserved name, naming the file", () => {
    expect(() => loadSite(fixture("reserved-page-names"))).toThrow(ContentError);
    try {
      loadSite(fixture("reserved-page-names"));
    } catch (error) {
      expect((error as ContentError).problems).toEqual(
        ["404", "all", "index", "search"].map(
          (slug) => `test/fixtures/reserved-page-names/pages/${slug}.md: 文件名：“${slug}”是网站自己使用的路径 — 请给这个页面换一个文件名`,
        ),
      );
    }
  });
});

describe("templates", () => {
  it("spell no site path themselves: every link to the site's own routes comes from LINKS", () => {
    const views = path.join(ROOT, "views");
    for (const name of readdirSync(views)) {
      const text = readFileSync(path.join(views, name), "utf8");
      expect(text.match(/(?:href|action)="\/[^"]*"/g), name).toBeNull();
    }
    expect(Object.values(LINKS)).toEqual(expect.arrayContaining([ROUTES.contents.path, ROUTES.all.path, ROUTES.search.path]));
  });
});
