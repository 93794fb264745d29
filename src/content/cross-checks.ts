// Checks no single file can make alone: a page named like a path the site itself uses, and two
// questions claiming the same place in the document's order.

import { RESERVED_PAGE_SLUGS } from "../routes.js";
import { displayPath, type Report } from "./report.js";

export function checkReservedSlugs(pages: ReadonlyArray<{ slug: string; file: string }>, report: Report): void {
  for (const { slug, file } of pages) {
    if (RESERVED_PAGE_SLUGS.has(slug)) report(file, `file name: "${slug}" is a path the site itself uses (choose another name)`);
  }
}

/** Both files are named in each other's message, so the owner sees the clash from either side. */
export function checkUniqueOrders(questions: ReadonlyArray<{ order: number; file: string }>, report: Report): void {
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
