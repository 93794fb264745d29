// loadSite(dir): read every content file, validate it, render its Markdown, and return a Site.
// Problems are collected across all files and thrown together as one ContentError, so the
// owner fixes everything in one pass and a partial site is never served.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml, YAMLError } from "yaml";
import type { z } from "zod";
import { renderMarkdown } from "./markdown.js";
import { describeIssues, pageSchema, questionSchema, siteSchema, synonymsSchema } from "./schema.js";
import { contentUrl, RESERVED_PAGE_SLUGS, type Site } from "./site.js";

export class ContentError extends Error {
  override name = "ContentError";
  constructor(readonly problems: readonly string[]) {
    super(`Content has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n  ${problems.join("\n  ")}`);
  }
}

/** A file name that works unchanged as a URL segment for years: lowercase ASCII words joined by hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function loadSite(dir: string): Site {
  const problems: string[] = [];
  const report = (file: string, message: string) => problems.push(`${displayPath(file)}: ${message}`);

  const facts = loadFacts(path.join(dir, "site.yml"), report);
  const questions = loadFolder(path.join(dir, "questions"), questionSchema, report, contentUrl.question, true);
  const pages = loadFolder(path.join(dir, "pages"), pageSchema, report, contentUrl.page, false);
  const synonyms = loadSynonyms(path.join(dir, "synonyms.yml"), report);

  for (const { slug, file } of pages) {
    if (RESERVED_PAGE_SLUGS.has(slug)) report(file, `file name: "${slug}" is a path the site itself uses (choose another name)`);
  }
  checkUniqueOrders(questions, report);

  if (problems.length > 0 || facts === undefined) throw new ContentError(problems);
  return {
    facts,
    questions: questions.map(({ file: _file, ...question }) => question).sort((a, b) => a.order - b.order),
    pages: pages.map(({ file: _file, ...page }) => page).sort((a, b) => a.slug.localeCompare(b.slug)),
    synonyms,
  };
}

type Report = (file: string, message: string) => void;

function loadFacts(file: string, report: Report): Site["facts"] | undefined {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    report(
      file,
      isMissing(error) ? "file not found (expected the site's title, product, publisher and document version)" : describeYamlError(error),
    );
    return undefined;
  }
  const parsed = siteSchema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  for (const line of describeIssues(siteSchema, parsed.error, data)) report(file, line);
  return undefined;
}

/** Optional: without the file, search matches words as written (and by pinyin). */
function loadSynonyms(file: string, report: Report): string[][] {
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    report(file, describeYamlError(error));
    return [];
  }
  const parsed = synonymsSchema.safeParse(data ?? {});
  if (!parsed.success) for (const line of describeIssues(synonymsSchema, parsed.error, data)) report(file, line);
  // A word in two groups would join them silently; the owner should decide which it means.
  // Checked on the raw lists too, so it is reported together with any other problem.
  const raw = (data as { synonyms?: unknown } | null)?.synonyms;
  const groupOf = new Map<string, number>();
  (Array.isArray(raw) ? raw : []).forEach((group: unknown, i) => {
    (Array.isArray(group) ? group : []).forEach((word: unknown, j) => {
      if (typeof word !== "string" || word.trim() === "") return;
      const folded = word.trim().normalize("NFKC").toLowerCase();
      const other = groupOf.get(folded);
      if (other !== undefined && other !== i) {
        report(file, `synonyms.${i}.${j}: "${word}" is already in synonyms.${other} (expected each word in only one group)`);
      }
      groupOf.set(folded, other ?? i);
    });
  });
  if (!parsed.success) return [];
  return parsed.data.synonyms;
}

function loadFolder<S extends typeof questionSchema | typeof pageSchema>(
  folder: string,
  schema: S,
  report: Report,
  urlFor: (slug: string) => string,
  required: boolean,
): Array<z.output<S> & { slug: string; url: string; html: string; text: string; markdown: string; file: string }> {
  if (!existsSync(folder)) {
    if (required) report(folder, "folder not found (expected one Markdown file per question)");
    return [];
  }
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".md") && !name.startsWith("."))
    .sort();
  if (required && files.length === 0) report(folder, "no Markdown files (expected one per question, such as invoice.md)");

  return files.flatMap((name) => {
    const file = path.join(folder, name);
    const slug = name.slice(0, -".md".length);
    if (!SLUG.test(slug)) {
      report(
        file,
        `file name: "${name}" is not a URL-safe slug (expected lowercase letters, digits and single hyphens, such as invoice.md)`,
      );
    }
    const entry = loadEntry(file, schema, report);
    if (entry === undefined || !SLUG.test(slug)) return [];
    return [{ ...entry.data, ...entry.body, slug, url: urlFor(slug), file }];
  });
}

function loadEntry<S extends z.ZodObject>(file: string, schema: S, report: Report) {
  // Normalise line endings and a BOM so a file saved on Windows reads the same.
  const raw = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Always pass options: without them gray-matter caches by content, and a file whose YAML
    // failed once can come back silently empty the next time. The yaml package (rather than
    // gray-matter's js-yaml) keeps dates as written and rejects duplicate keys.
    parsed = matter(raw, { engines: { yaml: (text: string) => parseYaml(text) ?? {} } });
  } catch (error) {
    report(file, `front matter: ${describeYamlError(error)}`);
    return undefined;
  }

  const problems: string[] = [];
  if (!raw.startsWith("---\n")) problems.push("front matter: missing (expected the file to start with a --- block)");
  const result = schema.safeParse(parsed.data);
  if (!result.success) problems.push(...describeIssues(schema, result.error, parsed.data));

  const bodyStartLine = raw.slice(0, raw.length - parsed.content.length).split("\n").length;
  let body: ReturnType<typeof renderMarkdown> | undefined;
  if (parsed.content.trim() === "") {
    problems.push("body: empty (expected the answer in Markdown after the front matter)");
  } else {
    body = renderMarkdown(parsed.content, { firstLine: bodyStartLine });
    problems.push(...body.problems);
  }

  for (const problem of problems) report(file, problem);
  if (problems.length > 0 || !result.success || body === undefined) return undefined;
  return { data: result.data as z.output<S>, body: { html: body.html, text: body.text, markdown: parsed.content } };
}

function checkUniqueOrders(questions: ReadonlyArray<{ order: number; file: string }>, report: Report): void {
  const byOrder = new Map<number, Array<{ file: string }>>();
  for (const question of questions) byOrder.set(question.order, [...(byOrder.get(question.order) ?? []), question]);
  for (const [order, same] of byOrder) {
    if (same.length < 2) continue;
    for (const { file } of same) {
      const others = same.filter((other) => other.file !== file).map((other) => displayPath(other.file));
      report(file, `order: ${order} is also used by ${others.join(", ")} (expected a unique order)`);
    }
  }
}

/**
 * "invalid YAML at line 4, column 1: <reason>". gray-matter hands over the front matter with
 * the newline after "---", so the yaml package's line numbers are already the file's.
 */
function describeYamlError(error: unknown): string {
  if (!(error instanceof YAMLError)) throw error;
  const reason = error.message.split(" at line ")[0];
  const at = error.linePos?.[0];
  return at ? `invalid YAML at line ${at.line}, column ${at.col}: ${reason}` : `invalid YAML: ${reason}`;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

/** Paths in messages are relative to where the owner ran the command, so they can be opened as shown. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}
