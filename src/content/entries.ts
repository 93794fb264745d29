// A folder of Markdown entries (questions/, pages/): each file's name is its slug and URL, its
// front matter is checked against a schema, and its body is rendered once here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { renderMarkdown } from "./markdown.js";
import type { Report } from "./report.js";
import { describeIssues, type pageSchema, type questionSchema } from "./schema.js";
import { describeYamlError } from "./yaml-file.js";

/** A file name that works unchanged as a URL segment for years: lowercase ASCII words joined by hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An entry as loaded, still knowing its file so cross-file checks can name it. */
type Entry<S extends z.ZodObject> = z.output<S> & {
  slug: string;
  url: string;
  html: string;
  text: string;
  markdown: string;
  file: string;
};

export function loadFolder<S extends typeof questionSchema | typeof pageSchema>(
  folder: string,
  schema: S,
  report: Report,
  urlFor: (slug: string) => string,
  required: boolean,
): Array<Entry<S>> {
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
