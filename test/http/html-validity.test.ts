// Every page the app can send, error pages included, passes html-validate's recommended
// rules with zero errors: over the real content, and over fixtures with headings, lists, links and callouts.
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { loadSite } from "../../src/content/load.js";
import { buildPages } from "../../src/pages/build-pages.js";
import { BASE_URL, CONTENT_DIR, fixture } from "../helpers.js";

const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

function htmlPages(contentDir: string): Array<[string, string]> {
  const { pages, errors } = buildPages(loadSite(contentDir), { publicBaseUrl: BASE_URL });
  const html = [...pages].filter(([, page]) => page.headers["Content-Type"]?.startsWith("text/html"));
  return [
    ...html.map(([url, page]): [string, string] => [url, page.body.toString("utf8")]),
    ...Object.entries(errors).map(([status, page]): [string, string] => [`error ${status}`, page.body.toString("utf8")]),
  ];
}

async function problems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

describe("html-validate (recommended)", () => {
  const site = htmlPages(CONTENT_DIR);

  it("covers the contents, every question, the all-in-one page, the legal notice and the error pages", () => {
    const names = site.map(([name]) => name);
    const questions = loadSite(CONTENT_DIR).questions.map((q) => q.url);
    expect(names).toEqual(expect.arrayContaining(["/", "/all", "/legal", "error 404", "error 500", ...questions]));
  });

  it.each(site)("%s has no errors", async (_name, html) => {
    expect(await problems(html)).toEqual([]);
  });

  it.each([...htmlPages(fixture("callouts")), ...htmlPages(fixture("headings"))])("fixture page %s has no errors", async (_name, html) => {
    expect(await problems(html)).toEqual([]);
  });
});
