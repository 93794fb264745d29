// Front-matter and site.yml schemas. Unknown keys fail (a typo must not pass silently), and
// every message says what was expected, because the site owner reads them at start-up.
import * as z from "zod";

/** A real calendar date written as YYYY-MM-DD (2020-02-30 is rejected). */
const DATE_FIX = "请写成 YYYY-MM-DD 格式的真实日期，例如 2020-11-27";
const isoDate = z
  .string({ error: DATE_FIX })
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(Date.parse(value) || 0).toISOString().startsWith(value), {
    error: DATE_FIX,
  });

/**
 * Today somewhere on Earth: the latest time zone is UTC+14, so an owner in China writing
 * today's date early in the morning is not told it lies in the future.
 */
const latestToday = () => new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
/** When a page was last checked: a date that has already come. */
const pastDate = isoDate.refine((value) => value <= latestToday(), {
  error: "日期在将来，请写检查这篇内容的那一天（今天或更早）",
});

const text = (fix: string) => z.string({ error: fix }).trim().min(1, fix);

/** Former file names of a question, so links shared before a rename keep working. */
const SLUG_FIX = "请写成小写字母、数字和单个连字符组成的旧文件名（不带 .md），例如 [old-name]";
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const questionSchema = z.strictObject({
  /** Position in the document's own numbering: 1 for its first question. Unique across files. */
  order: z.number({ error: "请写一个正整数，例如 3" }).int("请写一个正整数，例如 3").positive("请写一个正整数，例如 3"),
  /** The question exactly as the document words it; the page's only h1. */
  question: text("请写出问题的文字"),
  /** One sentence for the table of contents, the meta description and link previews. */
  summary: text("请写一句话的摘要"),
  /** When the answer was last checked against the document. */
  updated: pastDate,
  /** Slugs the question had before a rename; each answers 301 to the current URL. */
  aliases: z.array(z.string({ error: SLUG_FIX }).regex(SLUG, SLUG_FIX), { error: SLUG_FIX }).default([]),
});

export const pageSchema = z.strictObject({
  /** The page's h1 and the first part of its <title>. */
  title: text("请写出页面标题"),
  /** Meta description and link preview text. */
  summary: text("请写一句话的摘要"),
  /** When the page was last checked against the document. */
  updated: pastDate,
});

export const siteSchema = z.strictObject({
  /** The site's name: header, <title> suffix, og:site_name. */
  title: text("请写出网站名称"),
  /** The service the questions are about. */
  product: text("请写出产品名称"),
  /** Who publishes the document. */
  publisher: text("请写出发布者的名称"),
  /** The source document's version, shown in the footer and the contents page. */
  documentVersion: z
    .union([z.string(), z.number()], { error: '请写出 8 位数字的文档版本，例如 "20201127"' })
    .transform(String)
    .pipe(z.string().regex(/^\d{8}$/, '请写出 8 位数字的文档版本，例如 "20201127"')),
  /** Meta description for the contents page. */
  description: text("请写一句话介绍这个网站"),
  /** The source document, linked from every footer: what readers are reading and how current it is. */
  source: z.strictObject(
    {
      title: text("请写出来源文档的名称，例如 ISP许可证 常见问题"),
      url: z.url({ protocol: /^https?$/, error: "请写出来源文档的网址，以 https:// 开头" }).optional(),
    },
    { error: "请写出来源文档：source: 下面写 title: 和 url:" },
  ),
  /** Who runs this site (may differ from the publisher of the document). */
  operator: text("请写出运营这个网站的人或单位").optional(),
});

export const synonymsSchema = z.strictObject({
  /**
   * Groups of words that mean the same to a reader: a search for any word in a group also finds
   * the others (退款 finds 退费). English words and phrases may stand in a group too.
   */
  synonyms: z
    .array(
      z.array(text("请写一个词或短语"), { error: "请写成一组词，例如 [退费, 退款, refund]" }).min(2, {
        // A Chinese IME types "，" or "、" between the words: YAML then reads the group as one word.
        error: ({ input }) =>
          Array.isArray(input) && input.some((word) => /[，、；]/.test(String(word)))
            ? "词之间用了中文逗号“，”或顿号“、”，整组被当成了一个词 — 请改用英文逗号加空格，例如 [发票, 报销, invoice]"
            : "一组里至少要有两个意思相同的词",
      }),
      { error: "请写成若干组，每组一个词的列表" },
    )
    .default([]),
});

export type QuestionFrontMatter = z.output<typeof questionSchema>;
export type PageFrontMatter = z.output<typeof pageSchema>;
export type SiteFacts = z.output<typeof siteSchema>;

/**
 * Formats zod's issues the way the owner reads them: `field: what is wrong — how to fix it`,
 * on the field's line when the caller knows it.
 */
export function describeIssues(
  schema: z.ZodObject,
  error: z.ZodError,
  input: unknown,
  lineAt: (path: ReadonlyArray<PropertyKey>) => number | undefined = () => undefined,
): Array<{ message: string; line?: number }> {
  return error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      const allowed = Object.keys(schema.shape).join(", ");
      return {
        message: `${issue.keys.join(", ")}: 不认识的字段 — 请检查拼写，可用的字段只有 ${allowed}`,
        line: lineAt([String(issue.keys[0])]),
      };
    }
    const field = issue.path.length > 0 ? issue.path.join(".") : "(front matter)";
    const value = valueAt(input, issue.path);
    const wrong =
      value === undefined
        ? "缺少这个字段"
        : value === null || (typeof value === "string" && value.trim() === "")
          ? "为空"
          : `值不对（现在是 ${JSON.stringify(value)}）`;
    return { message: `${field}: ${wrong} — ${issue.message}`, line: lineAt(issue.path) };
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
