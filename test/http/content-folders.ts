// The content folders the structural tests run over: the site's own content/, and a copy of it
// with one question and one page more. A test that pins today's count, order or slugs fails on
// the copy now, instead of on the day the owner adds a question.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { loadSite } from "../../src/content/load.js";
import type { Site } from "../../src/content/site.js";
import { CONTENT_DIR } from "../helpers.js";

/** The newest date the check accepts: an added file checked today. */
const TODAY = new Date().toISOString().slice(0, 10);

export interface ContentFolder {
  name: string;
  dir: string;
  site: Site;
}

/**
 * Copies content/ into a fresh temporary folder and adds a question after the last one and a
 * page (named to sort before legal.md, so the pages' order changes too). The caller removes it.
 */
export function extendContent(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "faq-content-"));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  const order = Math.max(...loadSite(CONTENT_DIR).questions.map((q) => q.order)) + 1;
  writeFileSync(
    path.join(dir, "questions", "added-question.md"),
    [
      "---",
      `order: ${order}`,
      "question: ISP经营许可证的有效期是多久？",
      "summary: ISP经营许可证有效期为五年，到期前九十日内申请续期。",
      `updated: ${TODAY}`,
      "---",
      "ISP经营许可证有效期为五年。",
      "",
      "1. 到期前九十日内向发证机关申请续期。",
      "2. 续期时提交年报与经营情况说明。",
      "",
    ].join("\n"),
  );
  writeFileSync(
    path.join(dir, "pages", "about-this-site.md"),
    [
      "---",
      "title: 关于本站",
      "summary: 本站把常见问题逐条整理为网页。",
      `updated: ${TODAY}`,
      "---",
      "本站把文档中的常见问题逐条整理为网页。",
      "",
    ].join("\n"),
  );
  return dir;
}

/** content/ and its extended copy, each with its loaded Site; the copy is removed after the file's tests. */
export function contentFolders(): ContentFolder[] {
  const extended = extendContent();
  afterAll(() => rmSync(extended, { recursive: true, force: true }));
  return [
    { name: "content/", dir: CONTENT_DIR, site: loadSite(CONTENT_DIR) },
    { name: "content/ plus a question and a page", dir: extended, site: loadSite(extended) },
  ];
}

/** Every page the site serves, in the sitemap's order. */
export function siteUrls(site: Site): string[] {
  return ["/", ...site.questions.map((q) => q.url), "/all", ...site.pages.map((p) => p.url)];
}

/** A question page of content/, for tests about serving rather than about what the content says. */
export function firstQuestionUrl(): string {
  const [question] = loadSite(CONTENT_DIR).questions;
  if (question === undefined) throw new Error("content/ has no question");
  return question.url;
}

/** A page of content/pages, likewise. */
export function firstPageUrl(): string {
  const [page] = loadSite(CONTENT_DIR).pages;
  if (page === undefined) throw new Error("content/pages has no page");
  return page.url;
}
