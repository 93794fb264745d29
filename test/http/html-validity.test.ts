// Every page the app can send, error pages included, passes html-validate's recommended
// rules with zero errors: over the real content, and over fixtures with headings, lists, links and callouts.
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { loadSite } from "../../src/content/load.js";
import { BASE_URL, fixture } from "../helpers.js";
import { contentFolders, siteUrls } from "./content-folders.js";

const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

function htmlPages(contentDir: string): Array<[string, string]> {
  const { pages, errors } = buildSite(loadSite(contentDir), { publicBaseUrl: BASE_URL });
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

describe.each(contentFolders())("html-validate (recommended) over $name", ({ dir, site }) => {
  const built = htmlPages(dir);

  it("covers the contents, every question, the all-in-one page, every page and the error pages", () => {
    const names = built.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining([...siteUrls(site), "error 404", "error 500"]));
  });

  it.each(built)("%s has no errors", async (_name, html) => {
    expect(await problems(html)).toEqual([]);
  });
});

describe("html-validate (recommended) over fixtures", () => {
  it.each([...htmlPages(fixture("callouts")), ...htmlPages(fixture("headings"))])("fixture page %s has no errors", async (_name, html) => {
    expect(await problems(html)).toEqual([]);
  });
});
