// One record per error status: the page for each status carries that status and its own words.
import { describe, expect, it } from "vitest";
import { ERROR_PAGES } from "../../src/pages/error-pages.js";
import { makeSite } from "../helpers.js";

describe("error pages", () => {
  const { errors } = makeSite();

  it.each(Object.entries(ERROR_PAGES))("%s: its status and its own heading and message", (status, words) => {
    const page = errors[Number(status) as keyof typeof ERROR_PAGES];
    expect(page.status).toBe(Number(status));
    const html = page.body.toString("utf8");
    expect(html).toContain(`错误 ${status}`);
    expect(html).toContain(words.heading);
    expect(html).toContain(words.message);
    expect(page.headers["Cache-Control"]).toBe("no-store");
  });

  it("gives each status different words", () => {
    const headings = Object.values(ERROR_PAGES).map((words) => words.heading);
    expect(new Set(headings).size).toBe(headings.length);
  });
});
