// A folder of Markdown entries (questions/, pages/): each file's name is its slug and URL, its
// front matter is checked against a schema, and its body is rendered once here. A file that
// looks meant as an entry but is not named .md is reported with the name to use; editor
// leftovers and the folders of images beside the answers are not entries and are passed over.
import { existsSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { z } from "zod";
import { type ContentImage, renderMarkdown, type SiteLink } from "./markdown.js";
import { decodeText, LIMITS, readContentBytes } from "./read-file.js";
import type { Report } from "./report.js";
import { describeIssues, type pageSchema, type questionSchema, SLUG } from "./schema.js";
import type { Rendered } from "./site.js";
import { parseYamlText } from "./yaml-file.js";

/** An entry as loaded, still knowing its file so cross-file checks can name it. */
export type Entry<S extends z.ZodObject> = z.output<S> &
  Rendered & {
    file: string;
    links: SiteLink[];
    ids: Set<string>;
    /** Line of a front-matter field, for messages about it. */
    lineAt(path: ReadonlyArray<PropertyKey>): number | undefined;
  };

export interface FolderContext {
  root: string;
  report: Report;
  image: (file: string) => ContentImage | string;
}

/** Backups, swap files, Word and WPS lock files (~$name) and hidden files editors and systems leave behind. */
const LEFTOVER = /^\.|^~\$|~$|^#.*#$|\.(?:swp|swo|swx|bak|tmp|orig)$/i;
/** Names that show the owner meant a Markdown file: the stem to keep, then the extension written. */
const MEANT_AS_MARKDOWN = /^(.+?)\.(md\.txt|markdown|mdown|mkdn|mkd|md|txt)$/i;

export function loadFolder<S extends typeof questionSchema | typeof pageSchema>(
  folder: string,
  schema: S,
  context: FolderContext,
  urlFor: (slug: string) => string,
  required: boolean,
): Array<Entry<S>> {
  const { report } = context;
  if (!existsSync(folder)) {
    if (required) report(folder, "文件夹：找不到 — 请建立这个文件夹，每个问题放一个 Markdown 文件");
    return [];
  }
  const names = readdirSync(folder)
    .filter((name) => !LEFTOVER.test(name))
    .sort();
  const files = names.filter((name) => {
    if (name.endsWith(".md")) return true;
    const meant = MEANT_AS_MARKDOWN.exec(name)?.[1];
    if (meant !== undefined) {
      // The name to suggest must itself be one the check accepts: 新建文本文档 is not.
      const stem = meant.toLowerCase();
      const rename = SLUG.test(stem) ? `请改名为 ${stem}.md` : "请改名为 .md 结尾、只用小写字母、数字和连字符的名字，例如 invoice.md";
      report(path.join(folder, name), `文件名：扩展名不是 .md，这个文件不会发布 — ${rename}`);
    }
    return false;
  });
  // A folder beside the answers holds their images; a Markdown file in it is never published.
  for (const name of names) {
    for (const file of markdownFiles(path.join(folder, name), true)) {
      report(file, `位置：子文件夹里的 Markdown 文件不会发布 — 请把它移到 ${path.basename(folder)}/ 里，或者删掉`);
    }
  }
  if (required && files.length === 0) report(folder, "文件夹：没有 Markdown 文件 — 请为每个问题建立一个，例如 invoice.md");

  return files.flatMap((name) => {
    const file = path.join(folder, name);
    const slug = name.slice(0, -".md".length);
    if (!SLUG.test(slug)) {
      report(file, `文件名：“${name}”不能用作网址 — 请只用小写字母、数字和单个连字符，例如 invoice.md`);
    }
    const entry = loadEntry(file, schema, context);
    if (entry === undefined || !SLUG.test(slug)) return [];
    return [{ ...entry.data, ...entry.body, slug, url: urlFor(slug), file, dir: folder, lineAt: entry.lineAt }];
  });
}

/** Markdown files in the content folder itself, where nothing is published from. */
export function reportStrayMarkdown(root: string, report: Report): void {
  // A missing or unreadable folder is reported by the site.yml and questions/ checks.
  for (const file of markdownFiles(root, false)) {
    report(file, "位置：不在 questions/ 或 pages/ 里，不会发布 — 问题请放进 questions/，独立页面（如关于、法律声明）请放进 pages/");
  }
}

/**
 * The Markdown files (leftovers aside) in a real folder, not a symlink, or anywhere under it;
 * none for a file, or for a folder that cannot be read.
 */
function markdownFiles(folder: string, recursive: boolean): string[] {
  if (!lstatSync(folder, { throwIfNoEntry: false })?.isDirectory()) return [];
  try {
    return readdirSync(folder, { recursive, withFileTypes: true })
      .filter((entry) => !entry.isDirectory() && entry.name.toLowerCase().endsWith(".md") && !LEFTOVER.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The front matter between the opening and closing "---" lines, and the body after them.
 * gray-matter splits the file; the two checks before it catch what gray-matter would take
 * silently (no front matter, or no closing line: the whole file read as YAML). The YAML itself
 * is parsed by parseYamlText, whose messages point at the owner's lines.
 */
function splitFrontMatter(text: string, file: string, report: Report) {
  if (!text.startsWith("---\n")) {
    report(file, "front matter：缺少 — 请在文件开头写 --- 开始的字段块，以 --- 结束", 1);
    return undefined;
  }
  if (!/^---[ \t]*$/m.test(text.slice(4))) {
    report(file, "front matter：找不到结束的 --- — 请在最后一个字段之后加一行 ---", 1);
    return undefined;
  }
  // Always with options: without them gray-matter caches by content, and a file whose YAML
  // failed once could come back silently empty. The engine only hands the text back.
  const parsed = matter(text, { engines: { yaml: () => ({}) } });
  const bodyStart = text.length - parsed.content.length;
  return {
    yaml: `${parsed.matter.replace(/^\n/, "")}\n`,
    body: parsed.content,
    bodyFirstLine: text.slice(0, bodyStart).split("\n").length,
  };
}

function loadEntry<S extends z.ZodObject>(file: string, schema: S, { root, report, image }: FolderContext) {
  const bytes = readContentBytes(file, root, LIMITS.markdownBytes, report);
  const text = bytes && decodeText(bytes, file, report);
  const parts = text === undefined ? undefined : splitFrontMatter(text, file, report);
  if (parts === undefined) return undefined;
  const yaml = parseYamlText(parts.yaml, file, report, 2);

  let ok = yaml !== undefined;
  let data: z.output<S> | undefined;
  if (yaml !== undefined) {
    const result = schema.safeParse(yaml.data);
    if (result.success) data = result.data as z.output<S>;
    else for (const { message, line } of describeIssues(schema, result.error, yaml.data, yaml.lineAt)) report(file, message, line);
  }
  if (parts.body.trim() === "") {
    report(file, "正文：为空 — 请在 front matter 的 --- 之后写回答", parts.bodyFirstLine);
    return undefined;
  }
  const body = renderMarkdown(parts.body, { firstLine: parts.bodyFirstLine, dir: path.dirname(file), root, image });
  for (const { line, message } of body.problems) report(file, message, line);
  ok &&= body.problems.length === 0;
  if (!ok || data === undefined || yaml === undefined) return undefined;
  return {
    data,
    lineAt: yaml.lineAt,
    body: { html: body.html, text: body.text, markdown: parts.body, links: body.links, ids: body.ids },
  };
}
