// Checks no single file can make alone: a page named like a path the site itself uses, two
// questions claiming the same place in the document's order or the same title, an old name
// (alias) that another question still uses, and links to pages or headings that do not exist.
import { RESERVED_PAGE_SLUGS, ROUTES } from "../routes.js";
import type { SiteLink } from "./markdown.js";
import { displayPath, type Report } from "./report.js";

interface Located {
  file: string;
  lineAt(path: ReadonlyArray<PropertyKey>): number | undefined;
}

export function checkReservedSlugs(pages: ReadonlyArray<{ slug: string; file: string }>, report: Report): void {
  for (const { slug, file } of pages) {
    if (RESERVED_PAGE_SLUGS.has(slug)) report(file, `文件名：“${slug}”是网站自己使用的路径 — 请给这个页面换一个文件名`);
  }
}

/** Each file of a group sharing one value is named in the others' messages, so the clash shows from either side. */
function checkUnique<T extends Located>(
  items: readonly T[],
  key: (item: T) => string,
  field: string,
  say: (value: string, others: string) => string,
  report: Report,
): void {
  const byValue = new Map<string, T[]>();
  for (const item of items) byValue.set(key(item), [...(byValue.get(key(item)) ?? []), item]);
  for (const [value, same] of byValue) {
    if (same.length < 2) continue;
    for (const item of same) {
      const others = same.filter((other) => other.file !== item.file).map((other) => displayPath(other.file));
      report(item.file, say(value, others.join(", ")), item.lineAt([field]));
    }
  }
}

export function checkUniqueOrders(questions: ReadonlyArray<Located & { order: number }>, report: Report): void {
  checkUnique(
    questions,
    (q) => String(q.order),
    "order",
    (order, others) => `order: ${order} 已被 ${others} 使用 — 请给每个问题一个不同的序号`,
    report,
  );
}

export function checkUniqueQuestions(questions: ReadonlyArray<Located & { question: string }>, report: Report): void {
  checkUnique(
    questions,
    (q) => q.question.trim(),
    "question",
    (_title, others) => `question: 与 ${others} 的问题相同 — 请合并这两个问题，或改写其中一个`,
    report,
  );
}

/**
 * An alias answers 301 to its question, so it may not be a live slug (that question would be
 * unreachable) or another question's alias (the redirect would be ambiguous).
 */
export function checkAliases(questions: ReadonlyArray<Located & { slug: string; aliases: readonly string[] }>, report: Report): void {
  const live = new Map(questions.map((q) => [q.slug, q.file]));
  const claimed = new Map<string, string>();
  for (const question of questions) {
    question.aliases.forEach((alias, index) => {
      const line = question.lineAt(["aliases", index]);
      const current = live.get(alias);
      if (current !== undefined) {
        report(question.file, `aliases: “${alias}”是 ${displayPath(current)} 现在的文件名 — 请从 aliases 删除它`, line);
        return;
      }
      const other = claimed.get(alias);
      if (other !== undefined && other !== question.file) {
        report(
          question.file,
          `aliases: “${alias}”也列在 ${displayPath(other)} 的 aliases 里 — 一个旧名只能指向一个问题，请删掉其中一个`,
          line,
        );
      }
      claimed.set(alias, question.file);
    });
  }
}

/** Paths the site answers besides its questions and pages, which a link may name. */
const SITE_PATHS: ReadonlySet<string> = new Set(
  Object.values(ROUTES)
    .filter((route) => !route.path.endsWith("/") || route.path === "/")
    .filter((route) => route.answeredBy === "page map" || route.answeredBy === "search")
    .map((route) => route.path),
);

/** Every link to this site names a page that exists and, after "#", a heading on it. */
export function checkLinks(
  entries: ReadonlyArray<{ file: string; url: string; links: readonly SiteLink[]; ids: ReadonlySet<string> }>,
  aliases: ReadonlyMap<string, string>,
  report: Report,
): void {
  const idsByUrl = new Map(entries.map((entry) => [entry.url, entry.ids]));
  for (const entry of entries) {
    for (const link of entry.links) {
      const url = link.url === "" ? entry.url : link.url;
      const ids = idsByUrl.get(url);
      const shown = link.written;
      if (ids === undefined) {
        if (SITE_PATHS.has(url) && link.id === undefined) continue;
        const current = aliases.get(url);
        report(
          entry.file,
          current === undefined
            ? `链接：“${shown}”指向的问题或页面不存在（${url}） — 请检查文件名，链接可以写成 refund.md 或 /questions/refund`
            : `链接：“${shown}”是改名前的旧地址 — 请改为 ${current}`,
          link.line,
        );
      } else if (link.id !== undefined && !ids.has(link.id)) {
        report(entry.file, `链接：“${shown}”指向的标题在 ${url} 上不存在 — 请检查 # 后面的标题文字`, link.line);
      }
    }
  }
}
