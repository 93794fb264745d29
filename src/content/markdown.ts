// The one markdown-it instance and its small plugins. Raw HTML is off: content is text, and a
// <script> in a Markdown file shows as text. Each plugin below says why it exists.
import MarkdownIt, { type PluginWithParams } from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import anchor from "markdown-it-anchor";
import container from "markdown-it-container";

/** The document's own callout conventions (its 通用约定), keyed by the word that opens them. */
export const CALLOUTS = {
  危险: "danger",
  警告: "warning",
  注意: "note",
  说明: "info",
} as const;
export type CalloutLabel = keyof typeof CALLOUTS;

export interface RenderedMarkdown {
  html: string;
  /** Text only, paragraphs and list items on their own lines: for JSON-LD and snippets. */
  text: string;
  /** Problems the owner must fix; the loader reports them with the file name. */
  problems: string[];
}

export interface RenderOptions {
  /**
   * Prefix for heading ids. The default keeps generated ids apart from the page's own
   * (main, contents…); a page that shows several answers passes one per answer.
   */
  idPrefix?: string;
  /**
   * Render ## as h3 and so on: on a page where each answer sits under its question's h2,
   * the answer's own headings must rank below it.
   */
  demoteHeadings?: boolean;
  /** Line of the file the Markdown starts on, so problems name the line the owner sees. */
  firstLine?: number;
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
headingAnchorPlugin(md);
demoteHeadingsPlugin(md);
calloutPlugin(md);

export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedMarkdown {
  const env = { idPrefix: options.idPrefix ?? "h-", demoteHeadings: options.demoteHeadings ?? false };
  const firstLine = options.firstLine ?? 1;
  const tokens = md.parse(source, env);
  return {
    html: md.renderer.render(tokens, md.options, env),
    text: plainText(tokens),
    problems: [...findTopLevelHeadings(tokens, firstLine), ...findUnknownCallouts(tokens, firstLine)],
  };
}

/** Slug for a heading: readable (Chinese stays Chinese), stable, and safe in a URL fragment. */
export function headingSlug(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/[\s-]+/g, "-");
}

/**
 * Every heading gets an id and a link to itself so a reader can share a part of an answer.
 * linkAfterHeader keeps the heading's accessible name clean and gives the link its own text.
 */
function headingAnchorPlugin(md: MarkdownIt): void {
  md.use(anchor, {
    level: [2, 3, 4, 5, 6],
    tabIndex: false,
    slugifyWithState: (text, state) => `${(state.env as { idPrefix: string }).idPrefix}${headingSlug(text) || "section"}`,
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      class: "heading-anchor",
      symbol: "#",
      assistiveText: (title) => `链接到“${title}”`,
      visuallyHiddenClass: "visually-hidden",
      wrapper: ['<div class="heading">', "</div>"],
    }),
  });
}

/** Pushed after the anchor rule, so ids and anchor links are made first and only the tags change. */
function demoteHeadingsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("demote_headings", (state) => {
    if (!(state.env as { demoteHeadings: boolean }).demoteHeadings) return;
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
    }
  });
}

/** `::: 注意` … `:::` renders as a labelled box, one kind per word the document uses. */
function calloutPlugin(md: MarkdownIt): void {
  // @types/markdown-it-container describes the CommonJS build of markdown-it; same object at run time.
  const plugin = container as unknown as PluginWithParams;
  for (const [label, kind] of Object.entries(CALLOUTS)) {
    md.use(plugin, kind, {
      validate: (params: string) => params.trim() === label,
      render: (tokens: Token[], index: number) =>
        tokens[index]?.nesting === 1
          ? `<div class="callout callout-${kind}" role="note" aria-label="${label}">\n<p class="callout-label">${label}</p>\n`
          : "</div>\n",
    });
  }
}

function findTopLevelHeadings(tokens: Token[], firstLine: number): string[] {
  return tokens
    .filter((token) => token.type === "heading_open" && token.tag === "h1")
    .map((token) => {
      const line = (token.map?.[0] ?? 0) + firstLine;
      return `body: line ${line}: a level-1 heading (#) is not allowed; the question or title is the page's only h1, so start at ##`;
    });
}

/**
 * A `:::` line that markdown-it did not open as a callout is left as paragraph text, so that is
 * where to look: code blocks are never paragraphs, and a `::: 提示` shown in one is not a callout.
 * A paragraph's inline content keeps one line per source line, so its map gives each line's number.
 */
function findUnknownCallouts(tokens: Token[], firstLine: number): string[] {
  const known = Object.keys(CALLOUTS).join(", ");
  return tokens.flatMap((token, index) => {
    if (token.type !== "inline" || tokens[index - 1]?.type !== "paragraph_open") return [];
    const paragraphLine = (token.map?.[0] ?? 0) + firstLine;
    return token.content.split("\n").flatMap((line, offset) => {
      const word = /^\s*:::\s*(\S.*)$/.exec(line)?.[1]?.trim();
      // hasOwn, not `in`: "::: toString" is no callout either.
      if (word === undefined || Object.hasOwn(CALLOUTS, word)) return [];
      return [`body: line ${paragraphLine + offset}: unknown callout "::: ${word}" (expected one of ${known})`];
    });
  });
}

function plainText(tokens: Token[]): string {
  return tokens
    .filter((token) => token.type === "inline")
    .map((token) => (token.children ?? []).map((child) => (child.type === "softbreak" ? " " : child.content)).join(""))
    .join("\n");
}
