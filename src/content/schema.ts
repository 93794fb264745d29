// Front-matter and site.yml schemas. Unknown keys fail (a typo must not pass silently), and
// every message says what was expected, because the site owner reads them at start-up.
import { z } from "zod";

/** A real calendar date written as YYYY-MM-DD (2020-02-30 is rejected). */
const isoDate = z
  .string({ error: "expected a date such as 2020-11-27" })
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(Date.parse(value) || 0).toISOString().startsWith(value), {
    error: "expected a date such as 2020-11-27",
  });

const text = (what: string) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, `expected ${what}`);

export const questionSchema = z.strictObject({
  /** Position in the document's own numbering: 1 for its first question. Unique across files. */
  order: z.number({ error: "expected a positive integer" }).int("expected a positive integer").positive("expected a positive integer"),
  /** The question exactly as the document words it; the page's only h1. */
  question: text("the question as text"),
  /** One sentence for the table of contents, the meta description and link previews. */
  summary: text("a one-sentence summary"),
  /** When the answer was last checked against the document. */
  updated: isoDate,
});

export const pageSchema = z.strictObject({
  /** The page's h1 and the first part of its <title>. */
  title: text("the page title as text"),
  /** Meta description and link preview text. */
  summary: text("a one-sentence summary"),
  /** When the page was last checked against the document. */
  updated: isoDate,
});

export const siteSchema = z.strictObject({
  /** The site's name: header, <title> suffix, og:site_name. */
  title: text("the site title"),
  /** The service the questions are about. */
  product: text("the product name"),
  /** Who publishes the document. */
  publisher: text("the publisher's name"),
  /** The source document's version, shown in the footer and the contents page. */
  documentVersion: z
    .union([z.string(), z.number()], { error: 'expected a version such as "20201127"' })
    .transform(String)
    .pipe(z.string().regex(/^\d{8}$/, 'expected a version such as "20201127"')),
  /** Meta description for the contents page. */
  description: text("a one-sentence description of the site"),
});

export const synonymsSchema = z.strictObject({
  /**
   * Groups of words that mean the same to a reader: a search for any word in a group also finds
   * the others (退款 finds 退费). English words and phrases may stand in a group too.
   */
  synonyms: z
    .array(
      z
        .array(text("a word or phrase"), { error: "expected a list of words, such as [退费, 退款, refund]" })
        .min(2, "expected at least two words that mean the same"),
      { error: "expected a list of groups, each a list of words" },
    )
    .default([]),
});

export type QuestionFrontMatter = z.output<typeof questionSchema>;
export type PageFrontMatter = z.output<typeof pageSchema>;
export type SiteFacts = z.output<typeof siteSchema>;

/** Formats zod's issues the way the owner reads them: `field: what was expected (got …)`. */
export function describeIssues(schema: z.ZodObject, error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      const allowed = Object.keys(schema.shape).join(", ");
      return `${issue.keys.join(", ")}: unknown field (expected only ${allowed})`;
    }
    const field = issue.path.length > 0 ? issue.path.join(".") : "(front matter)";
    const value = valueAt(input, issue.path);
    const got = value === undefined ? "missing" : `got ${JSON.stringify(value)}`;
    return `${field}: ${issue.message} (${got})`;
  });
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
