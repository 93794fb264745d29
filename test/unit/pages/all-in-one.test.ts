import { describe, expect, it } from "vitest";
import { loadSite } from "../../../src/content/load.js";
import { allSections } from "../../../src/pages/all-in-one.js";
import { fixture } from "../../helpers.js";

describe("allSections", () => {
  const sections = allSections(loadSite(fixture("headings")));

  it("keeps the document's order", () => {
    expect(sections.map((s) => s.question.slug)).toEqual(["alpha", "alpha-notes"]);
  });

  it("puts each answer's headings one level below its question's h2", () => {
    expect(sections[0]?.html).toContain('<h3 id="alpha--办理步骤">办理步骤</h3>');
    expect(sections[0]?.html).toContain('<h4 id="alpha--notes">Notes</h4>');
    expect(sections[0]?.html).not.toMatch(/<h2/);
  });

  it("gives ids that differ across answers and from every section id", () => {
    const ids = sections.flatMap((s) => [...s.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const all = [...ids, ...sections.map((s) => s.question.slug)];
    expect(new Set(all).size).toBe(all.length);
    // "alpha" + its heading "Notes" must not become "alpha-notes", the next question's id.
    expect(ids).not.toContain("alpha-notes");
  });

  it("leaves the question pages' own rendering alone", () => {
    expect(loadSite(fixture("headings")).questions[0]?.html).toContain('<h2 id="h-办理步骤">办理步骤</h2>');
  });
});
