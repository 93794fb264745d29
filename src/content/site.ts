// The typed, validated, rendered content the rest of the app works from. Nothing here is
// optional or unchecked: a Site exists only if every file in the content folder passed.
import type { ContentImage } from "./markdown.js";
import type { PageFrontMatter, QuestionFrontMatter, SiteFacts } from "./schema.js";

/** What every question and page has once its file is read and rendered. */
export interface Rendered {
  /** From the file name; also the last part of the URL. */
  slug: string;
  /** Site-relative URL, e.g. /questions/invoice. */
  url: string;
  /** Answer or page body as HTML, rendered once at start-up. */
  html: string;
  /** The same body as plain text, for JSON-LD and snippets. */
  text: string;
  /** The body as written, for a page that renders it differently (the all-in-one page). */
  markdown: string;
  /** The file's folder, where its relative links and images are looked up when rendered again. */
  dir: string;
}

export type Question = Readonly<QuestionFrontMatter & Rendered>;
export type Page = Readonly<PageFrontMatter & Rendered>;

export interface Site {
  readonly facts: Readonly<SiteFacts>;
  /** In the document's order; orders are unique. */
  readonly questions: readonly Question[];
  /** Stand-alone pages such as the legal notice, linked from every footer. */
  readonly pages: readonly Page[];
  /** The owner's synonym groups from synonyms.yml, for search; empty when there is no such file. */
  readonly synonyms: ReadonlyArray<readonly string[]>;
  /** The content folder, where relative links and images resolve. */
  readonly root: string;
  /** Images the answers show, by file. */
  readonly images: ReadonlyMap<string, ContentImage>;
}
