// The answers as the all-in-one page (/all) shows them: each under its question's h2, with
// heading ids that stay unique across the page and never equal a question's section id.

import { renderMarkdown } from "../content/markdown.js";
import type { Question, Site } from "../content/site.js";

export interface AllSection {
  question: Question;
  /** The answer with ids prefixed "<slug>--" and headings one level down. */
  html: string;
}

/**
 * A slug neither contains "--" nor ends in "-", so the first "--" in an id marks where its
 * slug ends: ids from two answers cannot meet, and none equals a bare slug (a section id).
 */
export function allSections(site: Pick<Site, "questions" | "root" | "images">): AllSection[] {
  // The images were checked when the site loaded; here they are only looked up.
  const image = (file: string) => site.images.get(file) ?? "";
  return site.questions.map((question) => ({
    question,
    html: renderMarkdown(question.markdown, {
      idPrefix: `${question.slug}--`,
      demoteHeadings: true,
      dir: question.dir,
      root: site.root,
      image,
    }).html,
  }));
}
