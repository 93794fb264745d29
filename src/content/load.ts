// loadSite(dir): read every content file, validate it, render its Markdown, and return a Site.
// Problems are collected across all files and thrown together as one ContentError, so the
// owner fixes everything in one pass and a partial site is never served.
import path from "node:path";
import { contentUrl } from "../routes.js";
import { checkReservedSlugs, checkUniqueOrders } from "./cross-checks.js";
import { loadFolder } from "./entries.js";
import { displayPath } from "./report.js";
import { pageSchema, questionSchema } from "./schema.js";
import type { Site } from "./site.js";
import { loadFacts } from "./site-facts.js";
import { loadSynonyms } from "./synonyms.js";

export class ContentError extends Error {
  override name = "ContentError";
  constructor(readonly problems: readonly string[]) {
    super(`Content has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n  ${problems.join("\n  ")}`);
  }
}

export function loadSite(dir: string): Site {
  const problems: string[] = [];
  const report = (file: string, message: string) => problems.push(`${displayPath(file)}: ${message}`);

  // This order is the order of the owner's list: site facts, questions, pages, synonyms, then
  // the checks across files.
  const facts = loadFacts(path.join(dir, "site.yml"), report);
  const questions = loadFolder(path.join(dir, "questions"), questionSchema, report, contentUrl.question, true);
  const pages = loadFolder(path.join(dir, "pages"), pageSchema, report, contentUrl.page, false);
  const synonyms = loadSynonyms(path.join(dir, "synonyms.yml"), report);
  checkReservedSlugs(pages, report);
  checkUniqueOrders(questions, report);

  if (problems.length > 0 || facts === undefined) throw new ContentError(problems);
  return {
    facts,
    questions: questions.map(({ file: _file, ...question }) => question).sort((a, b) => a.order - b.order),
    pages: pages.map(({ file: _file, ...page }) => page).sort((a, b) => a.slug.localeCompare(b.slug)),
    synonyms,
  };
}
