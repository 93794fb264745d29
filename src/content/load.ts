// loadSite(dir): read every content file, validate it, render its Markdown, and return a Site.
// Problems are collected across all files and thrown together as one ContentError, so the
// owner fixes everything in one pass and a partial site is never served. checkContent(dir)
// is the same reading as a list of problems: what `npm run check`, start-up, `npm run dev`
// and `npm run export` all show.
import path from "node:path";
import { contentUrl } from "../routes.js";
import { checkAliases, checkLinks, checkReservedSlugs, checkUniqueOrders, checkUniqueQuestions } from "./cross-checks.js";
import { loadFolder, reportStrayMarkdown } from "./entries.js";
import { imageLoader } from "./images.js";
import { formatProblem } from "./report.js";
import { pageSchema, questionSchema } from "./schema.js";
import type { Site } from "./site.js";
import { loadFacts } from "./site-facts.js";
import { loadSynonyms } from "./synonyms.js";

export class ContentError extends Error {
  override name = "ContentError";
  constructor(readonly problems: readonly string[]) {
    super(`内容有 ${problems.length} 个问题，请逐一修改后再试：\n  ${problems.join("\n  ")}`);
  }
}

/** The site, or every problem in the folder; never throws for anything in the folder. */
export function checkContent(dir: string): { site: Site; problems: readonly [] } | { site?: undefined; problems: readonly string[] } {
  const problems: string[] = [];
  const report = (file: string, message: string, line?: number) => problems.push(formatProblem(file, message, line));
  const root = path.resolve(dir);
  const images = imageLoader(root);
  const context = { root, report, image: images.load };

  // This order is the order of the owner's list: site facts, questions, pages, synonyms, then
  // the checks across files.
  const facts = loadFacts(path.join(root, "site.yml"), root, report);
  const questions = loadFolder(path.join(root, "questions"), questionSchema, context, contentUrl.question, true);
  const pages = loadFolder(path.join(root, "pages"), pageSchema, context, contentUrl.page, false);
  reportStrayMarkdown(root, report);
  const synonyms = loadSynonyms(path.join(root, "synonyms.yml"), root, report);
  checkReservedSlugs(pages, report);
  checkUniqueOrders(questions, report);
  checkUniqueQuestions(questions, report);
  checkAliases(questions, report);
  const aliases = new Map(questions.flatMap((q) => q.aliases.map((alias) => [contentUrl.question(alias), q.url] as const)));
  checkLinks([...questions, ...pages], aliases, report);

  if (problems.length > 0 || facts === undefined) return { problems };
  const published = <T extends { file: string; links: unknown; ids: unknown; lineAt: unknown }>({
    file: _f,
    links: _l,
    ids: _i,
    lineAt: _n,
    ...rest
  }: T) => rest;
  return {
    site: {
      facts,
      questions: questions.map(published).sort((a, b) => a.order - b.order),
      pages: pages.map(published).sort((a, b) => a.slug.localeCompare(b.slug)),
      synonyms,
      root,
      images: images.images,
    },
    problems: [],
  };
}

export function loadSite(dir: string): Site {
  const { site, problems } = checkContent(dir);
  if (site === undefined) throw new ContentError(problems);
  return site;
}
