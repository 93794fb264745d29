// The copy of content/ that the structural tests also run over really is content/ plus a
// question and a page, and the site serves both with no code change.
import { rmSync } from "node:fs";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { loadSite } from "../../src/content/load.js";
import { CONTENT_DIR, makeApp } from "../helpers.js";
import { extendContent } from "./content-folders.js";

const dir = extendContent();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("content/ plus a question and a page", () => {
  const real = loadSite(CONTENT_DIR);
  const extended = loadSite(dir);

  it("has every question and page of content/, one question more at the end and one page more", () => {
    expect(extended.questions.slice(0, -1).map((q) => q.slug)).toEqual(real.questions.map((q) => q.slug));
    expect(extended.questions.at(-1)?.slug).toBe("added-question");
    const slugs = (site: typeof real) => site.pages.map((p) => p.slug).sort();
    expect(slugs(extended)).toEqual([...slugs(real), "about-this-site"].sort());
  });

  it("serves the added question and page", async () => {
    const app = makeApp(dir);
    for (const url of ["/questions/added-question", "/about-this-site"]) expect((await request(app).get(url)).status, url).toBe(200);
  });
});
