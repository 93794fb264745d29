// synonyms.yml: the owner's groups of words that search treats as one. Optional: without the
// file, search matches words as written (and by pinyin).
import { existsSync } from "node:fs";
import { foldWord } from "../search/fold.js";
import type { Report } from "./report.js";
import { describeIssues, synonymsSchema } from "./schema.js";
import { readYamlFile } from "./yaml-file.js";

export function loadSynonyms(file: string, root: string, report: Report): string[][] {
  if (!existsSync(file)) return [];
  const read = readYamlFile(file, root, report);
  if (read === undefined) return [];
  const parsed = synonymsSchema.safeParse(read.data);
  if (!parsed.success)
    for (const { message, line } of describeIssues(synonymsSchema, parsed.error, read.data, read.lineAt)) report(file, message, line);
  // Checked on the raw lists too, so it is reported together with any other problem.
  checkOneGroupPerWord((read.data as { synonyms?: unknown }).synonyms, (message) =>
    report(file, message.text, read.lineAt(["synonyms", ...message.path])),
  );
  if (!parsed.success) return [];
  return parsed.data.synonyms;
}

/**
 * A word in two groups would make the search's synonym map one-sided (its group is whichever
 * came last); the owner should decide which it means. Words are compared as search compares
 * them, so 發票 and 发票, or "Money Back" and "money-back", are one word here as there.
 */
function checkOneGroupPerWord(groups: unknown, report: (message: { text: string; path: number[] }) => void): void {
  const groupOf = new Map<string, number>();
  (Array.isArray(groups) ? groups : []).forEach((group: unknown, i) => {
    (Array.isArray(group) ? group : []).forEach((word: unknown, j) => {
      if (typeof word !== "string") return;
      const folded = foldWord(word);
      // Search drops a word that folds to nothing, so it cannot join two groups.
      if (folded === "") return;
      const other = groupOf.get(folded);
      if (other !== undefined && other !== i) {
        report({
          text: `synonyms.${i}.${j}: “${word}”已在第 ${other + 1} 组（synonyms.${other}）里 — 一个词只能放在一组，请删掉其中一处`,
          path: [i, j],
        });
      }
      groupOf.set(folded, other ?? i);
    });
  });
}
