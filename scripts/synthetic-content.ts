// Makes a content folder with n questions for start-up measurements: the real site.yml and
// pages, and the real questions' answers repeated under new slugs, orders and wordings.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";

export function writeSyntheticContent(from: string, to: string, n: number): void {
  mkdirSync(path.join(to, "questions"), { recursive: true });
  cpSync(path.join(from, "site.yml"), path.join(to, "site.yml"));
  cpSync(path.join(from, "pages"), path.join(to, "pages"), { recursive: true });
  const originals = readdirSync(path.join(from, "questions"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => matter(readFileSync(path.join(from, "questions", name), "utf8"), {}));
  for (let i = 0; i < n; i++) {
    const source = originals[i % originals.length];
    if (source === undefined) throw new Error(`${from}/questions has no Markdown files`);
    const data = source.data as { question: string; summary: string; updated: string | Date };
    const updated = data.updated instanceof Date ? data.updated.toISOString().slice(0, 10) : data.updated;
    const front = [
      `order: ${i + 1}`,
      `question: ${JSON.stringify(`${data.question}（第${i + 1}问）`)}`,
      `summary: ${JSON.stringify(data.summary)}`,
      `updated: ${updated}`,
    ];
    writeFileSync(path.join(to, "questions", `q-${String(i + 1).padStart(4, "0")}.md`), `---\n${front.join("\n")}\n---\n${source.content}`);
  }
}
