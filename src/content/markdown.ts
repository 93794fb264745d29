// The one markdown-it instance and its small plugins. Raw HTML is off: content is text, and a
// <script> in a Markdown file shows as text. Each plugin below says why it exists.
import path from "node:path";
import MarkdownIt, { type PluginWithParams } from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import cjkFriendly from "markdown-it-cjk-friendly";
import container from "markdown-it-container";
import { contentUrl } from "../routes.js";

/** The document's own callout conventions (its 通用约定), keyed by the word that opens them. */
export const CALLOUTS = {
  危险: "danger",
  警告: "warning",
  注意: "note",
  说明: "info",
} as const;
export type CalloutLabel = keyof typeof CALLOUTS;

/** A problem in the body, on the file's line. */
export interface BodyProblem {
  line: number;
  message: string;
}

/** A link to a page of this site, to check once every file is loaded. */
export interface SiteLink {
  line: number;
  /** The site path it points at, such as /questions/refund. */
  url: string;
  /** The heading id after "#", if any. */
  id?: string;
  /** The link as the owner wrote it, for the message. */
  written: string;
}

/** An image beside the Markdown, read and sized once; served under `url`. */
export interface ContentImage {
  readonly url: string;
  readonly type: string;
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
}

export interface RenderedMarkdown {
  html: string;
  /** Text only, paragraphs and list items on their own lines: for JSON-LD and snippets. */
  text: string;
  /** Problems the owner must fix; the loader reports them with the file name. */
  problems: BodyProblem[];
  /** Links to this site's pages, for the check across files. */
  links: SiteLink[];
  /** Every heading id on the page, for that check. */
  ids: Set<string>;
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
  /**
   * Where relative links and images are looked up: the Markdown file's own folder and the
   * content folder, so `refund.md` or `invoice/console.png` mean what they mean on GitHub.
   */
  dir?: string;
  root?: string;
  /** An image file → the image, or what is wrong with it. */
  image?: (file: string) => ContentImage | string;
}

interface Env {
  idPrefix: string;
  demoteHeadings: boolean;
  firstLine: number;
  dir?: string;
  root?: string;
  image?: (file: string) => ContentImage | string;
  problems: BodyProblem[];
  links: SiteLink[];
  ids: Set<string>;
  /** Heading slug → how many headings took it so far: unique ids in one pass, not a search per heading. */
  slugCounts: Map<string, number>;
}

/** Deeper than any answer needs; markdown-it itself drops everything past 100 levels without a word. */
export const MAX_NESTING = 24;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// CommonMark does not close ** between a Chinese quotation mark and a Chinese character
// (**“知识产权服务”**即可 stays asterisks); this is the CJK-friendly amendment that fixes it.
md.use(cjkFriendly);
// An indented first line (首行缩进, four spaces or a tab) is how Chinese paragraphs are often
// typed; as CommonMark's indented code it would show as code. Code is written between ``` lines.
md.disable("code");
headingAnchorPlugin(md);
headingCheckPlugin(md);
demoteHeadingsPlugin(md);
calloutPlugin(md);
linkPlugin(md);
imagePlugin(md);

export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedMarkdown {
  const firstLine = options.firstLine ?? 1;
  const env: Env = {
    idPrefix: options.idPrefix ?? "h-",
    demoteHeadings: options.demoteHeadings ?? false,
    firstLine,
    dir: options.dir,
    root: options.root,
    image: options.image,
    problems: [],
    links: [],
    ids: new Set(),
    slugCounts: new Map(),
  };
  const tokens = md.parse(source, env);
  const lines = source.split("\n");
  const problems = [
    ...env.problems,
    ...findTopLevelHeadings(tokens, firstLine),
    ...findUnknownCallouts(tokens, firstLine),
    ...findUnclosedCallouts(tokens, lines, firstLine),
    ...findUnclosedFences(tokens, lines, firstLine),
    ...findLookalikes(tokens, firstLine),
    ...findDeepNesting(tokens, firstLine),
  ].sort((a, b) => a.line - b.line);
  return { html: md.renderer.render(tokens, md.options, env), text: plainText(tokens), problems, links: env.links, ids: env.ids };
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
 * The link follows the heading (not inside it), keeping the heading's accessible name clean.
 * Ids are numbered from a count per slug and the markup is written by the renderer, so this
 * stays linear in the number of headings (markdown-it-anchor splices and searches the token
 * list per heading: 10,000 equal headings took seconds).
 */
function headingAnchorPlugin(md: MarkdownIt): void {
  md.core.ruler.push("anchor", (state) => {
    const env = state.env as Env;
    state.tokens.forEach((token, index) => {
      if (token.type !== "heading_open" || token.tag === "h1") return;
      const base = `${env.idPrefix}${headingSlug(headingText(state.tokens[index + 1])) || "section"}`;
      const count = env.slugCounts.get(base) ?? 0;
      env.slugCounts.set(base, count + 1);
      token.attrSet("id", count === 0 ? base : `${base}-${count}`);
    });
  });
  const escapeHtml = md.utils.escapeHtml;
  md.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
    const token = tokens[index] as Token;
    const open = self.renderToken(tokens, index, options);
    return token.attrGet("id") === null ? open : `<div class="heading">\n${open}`;
  };
  md.renderer.rules.heading_close = (tokens, index, options, _env, self) => {
    const close = self.renderToken(tokens, index, options);
    const open = tokens[index - 2];
    const id = open?.attrGet("id");
    if (id === null || id === undefined) return close;
    const title = escapeHtml(headingText(tokens[index - 1]));
    return `${close}<a class="heading-anchor" href="#${escapeHtml(id)}"><span class="visually-hidden">链接到“${title}”</span> <span aria-hidden="true">#</span></a></div>\n`;
  };
}

/** A heading's words without markup: text and inline code, as a link's name reads them. */
function headingText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .filter((child) => child.type === "text" || child.type === "code_inline")
    .map((child) => child.content)
    .join("");
}

/**
 * Two headings with the same words get ids a reader cannot tell apart in a link (办理步骤,
 * 办理步骤-1), and a link written as #办理步骤 always means the first: one of them should be
 * reworded. Also collects every id for the link check.
 */
function headingCheckPlugin(md: MarkdownIt): void {
  md.core.ruler.push("check_headings", (state) => {
    const env = state.env as Env;
    const firstLines = new Map<string, number>();
    state.tokens.forEach((token, index) => {
      const id = token.type === "heading_open" ? token.attrGet("id") : null;
      if (id === null) return;
      env.ids.add(id);
      const title = headingText(state.tokens[index + 1]);
      const slug = headingSlug(title) || "section";
      const line = lineOf(token, env.firstLine);
      const first = firstLines.get(slug);
      if (first === undefined) firstLines.set(slug, line);
      else env.problems.push({ line, message: `标题：“${title}”与第 ${first} 行的标题相同，两者的链接锚点会混淆 — 请改写其中一个` });
    });
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

const lineOf = (token: Token, firstLine: number) => (token.map?.[0] ?? 0) + firstLine;

function findTopLevelHeadings(tokens: Token[], firstLine: number): BodyProblem[] {
  return tokens
    .filter((token) => token.type === "heading_open" && token.tag === "h1")
    .map((token) => ({
      line: lineOf(token, firstLine),
      message: "正文：不能用一级标题（#） — 请从 ## 开始；问题或标题已是页面唯一的一级标题",
    }));
}

/**
 * markdown-it-container closes a callout at the end of the answer when no `:::` line does, so
 * a forgotten closing line would pull everything after it into the box. The open token's map
 * ends at the closing line when there is one, and at the end of the answer when not.
 */
function findUnclosedCallouts(tokens: Token[], lines: readonly string[], firstLine: number): BodyProblem[] {
  return tokens.flatMap((token) => {
    if (!token.type.startsWith("container_") || token.nesting !== 1 || token.map === null) return [];
    const closing = lines[token.map[1]];
    if (closing !== undefined && /^\s*:::\s*$/.test(closing)) return [];
    return [{ line: lineOf(token, firstLine), message: `提示框：“${token.info.trim()}”没有结束 — 请在提示框内容之后加一行 :::` }];
  });
}

/** A ``` with no closing line turns the rest of the answer into code. */
function findUnclosedFences(tokens: Token[], lines: readonly string[], firstLine: number): BodyProblem[] {
  return tokens.flatMap((token) => {
    if (token.type !== "fence" || token.map === null) return [];
    const closing = lines[token.map[1] - 1]?.trim() ?? "";
    const marker = token.markup[0] ?? "`";
    if (token.map[1] - token.map[0] >= 2 && closing.length >= token.markup.length && [...closing].every((ch) => ch === marker)) return [];
    return [
      {
        line: lineOf(token, firstLine),
        message: `代码块：“${token.markup}”没有结束，后面的内容都会显示成代码 — 请在代码之后加一行 ${token.markup}；不是要写代码的话，请删掉这一行`,
      },
    ];
  });
}

/**
 * Chinese ways of writing what Markdown writes otherwise: shown as they are, they quietly run
 * together into one paragraph ("1、" lines) or show their marks to readers (HTML tags). Read
 * from paragraph text, so a code block or `code` that shows them on purpose is left alone.
 */
const LOOKALIKES: ReadonlyArray<{ at: "start" | "anywhere"; pattern: RegExp; message: (seen: string) => string }> = [
  {
    at: "start",
    pattern: /^\s*\d+、/,
    message: (seen) =>
      `编号列表：“${seen.trim()}”不会显示成列表，几行会连成一段 — 请写成“${seen.trim().slice(0, -1)}. ”（半角数字、半角句点，再加一个空格）`,
  },
  {
    at: "start",
    pattern: /^\s*[０-９]+[．.、]/,
    message: (seen) => `编号列表：全角数字“${seen.trim()}”不会显示成列表 — 请改用半角数字和句点，如“1. ”`,
  },
  { at: "start", pattern: /^\s*[•·●▪◦]/, message: (seen) => `列表：“${seen.trim()}”不会显示成列表 — 请在行首写“- ”（减号，再加一个空格）` },
  { at: "start", pattern: /^#{1,6}(?=[^\s#])/, message: (seen) => `标题：“${seen}”后面少了空格，会原样显示 — 请写成“${seen} 标题”` },
  { at: "start", pattern: /^\s*[＃#]*＃[＃#]*/, message: () => "标题：全角“＃”不会显示成标题 — 请改用半角“#”，后面再加一个空格" },
  { at: "start", pattern: /^\s*：：：/, message: () => "提示框：全角“：：：”不会显示成提示框 — 请改用半角“:::”，如“::: 注意”" },
  {
    at: "anywhere",
    pattern:
      /<\/?(?:p|br|div|span|font|b|i|u|s|strong|em|img|a|table|tr|td|th|ul|ol|li|h[1-6]|center|sup|sub|script|style|iframe)\b[^<>]*>/i,
    message: (seen) => `HTML：“${seen}”不会生效，读者会看到它原样显示 — 请改用 Markdown：分段空一行，加粗写 **文字**，链接写 [文字](网址)`,
  },
];

function findLookalikes(tokens: Token[], firstLine: number): BodyProblem[] {
  return tokens.flatMap((token, index) => {
    if (token.type !== "inline" || token.map === null) return [];
    // A line of a paragraph can be a list or a heading gone wrong; a heading's text ("## 1、申请条件") cannot.
    const inParagraph = tokens[index - 1]?.type === "paragraph_open";
    let line = token.map[0] + firstLine;
    let lineStart = inParagraph;
    const found: BodyProblem[] = [];
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") {
        line += 1;
        lineStart = inParagraph;
        continue;
      }
      if (child.type === "text") {
        for (const { at, pattern, message } of LOOKALIKES) {
          if (at === "start" && !lineStart) continue;
          const seen = pattern.exec(child.content)?.[0];
          if (seen !== undefined) found.push({ line, message: message(seen) });
        }
      }
      lineStart = false;
    }
    return found;
  });
}

/** Reported once, at the first token past the limit: where the nesting got out of hand. */
function findDeepNesting(tokens: Token[], firstLine: number): BodyProblem[] {
  for (const token of tokens) {
    const deepest = token.level + Math.max(0, ...(token.children ?? []).map((child) => child.level));
    if (deepest > MAX_NESTING) {
      return [
        {
          line: lineOf(token, firstLine),
          message: `正文：列表、引用或强调嵌套得太深（超过 ${MAX_NESTING} 层） — 请减少嵌套；过深的部分不会显示`,
        },
      ];
    }
  }
  return [];
}

/**
 * A `:::` line that markdown-it did not open as a callout is left as paragraph text, so that is
 * where to look: code blocks are never paragraphs, and a `::: 提示` shown in one is not a callout.
 * A paragraph's inline content keeps one line per source line, so its map gives each line's number.
 */
function findUnknownCallouts(tokens: Token[], firstLine: number): BodyProblem[] {
  const known = Object.keys(CALLOUTS).join(", ");
  return tokens.flatMap((token, index) => {
    if (token.type !== "inline" || tokens[index - 1]?.type !== "paragraph_open") return [];
    const paragraphLine = (token.map?.[0] ?? 0) + firstLine;
    return token.content.split("\n").flatMap((line, offset) => {
      const word = /^\s*:::\s*(\S.*)$/.exec(line)?.[1]?.trim();
      // hasOwn, not `in`: "::: toString" is no callout either.
      if (word === undefined || Object.hasOwn(CALLOUTS, word)) return [];
      return [{ line: paragraphLine + offset, message: `提示框：不认识“::: ${word}” — 请改用 ${known} 之一` }];
    });
  });
}

function plainText(tokens: Token[]): string {
  return tokens
    .filter((token) => token.type === "inline")
    .map((token) => (token.children ?? []).map((child) => (child.type === "softbreak" ? " " : child.content)).join(""))
    .join("\n");
}

/** Site path for a Markdown file in the content folder, or undefined if it is not a question or page. */
function urlForFile(file: string, root: string): string | undefined {
  const [folder, name, ...rest] = path.relative(root, file).split(path.sep);
  if (rest.length > 0 || name === undefined || !name.endsWith(".md")) return undefined;
  const slug = name.slice(0, -".md".length);
  if (folder === "questions") return contentUrl.question(slug);
  if (folder === "pages") return contentUrl.page(slug);
  return undefined;
}

/** After parsing, calls `visit` for every inline token of `type`, with the source line it is on. */
function onInlineTokens(md: MarkdownIt, rule: string, type: string, visit: (token: Token, line: number, env: Env) => void): void {
  md.core.ruler.push(rule, (state) => {
    const env = state.env as Env;
    for (const block of state.tokens) {
      (block.children ?? []).forEach((token, index) => {
        if (token.type === type) visit(token, childLine(block, index, env.firstLine), env);
      });
    }
  });
}

/** Line of an inline child: its block's first line plus the line breaks before it. */
function childLine(parent: Token, index: number, firstLine: number): number {
  const breaks = (parent.children ?? []).slice(0, index).filter((child) => child.type === "softbreak" || child.type === "hardbreak");
  return lineOf(parent, firstLine) + breaks.length;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Links between answers written the way editors and GitHub write them (`refund.md`,
 * `./refund.md#退费`, `../pages/legal.md`) become the site's URLs, and a fragment names the
 * heading id as the site makes it; links to the site's own paths are kept as written. Both are
 * recorded so the loader can check, once every file is read, that the page and heading exist.
 * External links are left alone and never fetched.
 */
function linkPlugin(md: MarkdownIt): void {
  onInlineTokens(md, "site_links", "link_open", (token, line, env) => {
    const href = token.attrGet("href") ?? "";
    if (EXTERNAL.test(href)) return;
    const hash = href.indexOf("#");
    const target = decode(hash === -1 ? href : href.slice(0, hash));
    const fragment = hash === -1 ? undefined : decode(href.slice(hash + 1));
    let url: string | undefined;
    if (target === "") url = "";
    else if (target.startsWith("/")) url = target;
    else if (env.dir !== undefined && env.root !== undefined) {
      url = urlForFile(path.resolve(env.dir, target), env.root);
      if (url === undefined) {
        env.problems.push({
          line,
          message: `链接：“${target}”不是 questions/ 或 pages/ 里的 .md 文件 — 请写成相对于本文件的 .md 文件名，例如 refund.md 或 ../pages/legal.md`,
        });
        return;
      }
    } else return;
    // A fragment may be written as GitHub makes it (#办理步骤) or as the site does (#h-办理步骤).
    const prefix = url === "" ? env.idPrefix : "h-";
    const id = fragment === undefined || fragment === "" ? undefined : fragment.startsWith(prefix) ? fragment : `${prefix}${fragment}`;
    token.attrSet("href", `${url}${id === undefined ? "" : `#${id}`}`);
    env.links.push({ line, url, written: decode(href), ...(id !== undefined && { id }) });
  });
}

/** Types a browser shows as pictures and that cannot run script; SVG could, so it is not taken. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
};

/**
 * An image beside the Markdown (`![说明](invoice/console.png)`) is served from the page map under
 * a hashed URL, with its size so the page does not jump as it loads, and fetched only when
 * scrolled near. Alt text is required: a screen reader has nothing else to say.
 */
function imagePlugin(md: MarkdownIt): void {
  onInlineTokens(md, "content_images", "image", (token, line, env) => {
    const src = decode(token.attrGet("src") ?? "");
    const problem = (message: string) => env.problems.push({ line, message });
    if (token.content.trim() === "") problem(`图片：“${src}”没有说明文字 — 请在 ![ ] 的方括号里写出图片内容，供读屏软件朗读`);
    if (EXTERNAL.test(src) || src.startsWith("/") || env.dir === undefined || env.image === undefined) {
      if (env.image !== undefined)
        problem(`图片：“${src}”不在内容文件夹里 — 请把图片放在 Markdown 文件旁边，用相对路径引用，例如 invoice/console.png`);
      return;
    }
    const image = env.image(path.resolve(env.dir, src));
    if (typeof image === "string") {
      problem(`图片：“${src}”${image}`);
      return;
    }
    token.attrSet("src", image.url);
    token.attrSet("width", String(image.width));
    token.attrSet("height", String(image.height));
    token.attrSet("loading", "lazy");
    token.attrSet("decoding", "async");
  });
}
