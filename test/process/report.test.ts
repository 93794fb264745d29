// `npm run report` over a real SQLite store: the tables in the terminal, the CSV files, and
// --purge-before deleting what it says; a bad argument is named in Chinese with exit 1.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createLog } from "../../src/log.js";
import { openStore } from "../../src/store/open.js";
import { dayOf } from "../../src/store/store.js";
import { makeSite, ROOT } from "../helpers.js";

const run = promisify(execFile);
const report = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/report.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
  });

describe("npm run report", () => {
  it("prints the tables, writes them as CSV, and purges before a date", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "faq-report-"));
    const question = makeSite().site.questions[0];
    const slug = question?.slug as string;
    const store = openStore({ dataDir }, createLog("silent"));
    const day = dayOf(new Date());
    const id = await store.addVote({ page: slug, day, helpful: false });
    await store.changeVote(id, slug, day, { helpful: false, reason: "unclear", comment: '说"清楚"些' });
    const formula = await store.addVote({ page: slug, day, helpful: false });
    await store.changeVote(formula, slug, day, { helpful: false, reason: "other", comment: '=HYPERLINK("http://x","点我")' });
    await store.logSearches([{ day, query: "火星", results: 0 }], [{ day, query: "发票", target: slug }]);
    await store.close();

    const { stdout } = await report(dataDir, "--csv", path.join(dataDir, "csv"));
    expect(stdout).toContain("各问题的评价");
    expect(stdout).toContain(question?.question);
    expect(stdout).toContain("描述不清楚 1");
    expect(stdout).toContain("火星");
    expect(readFileSync(path.join(dataDir, "csv", "comments.csv"), "utf8")).toBe(
      `\uFEFF"日期","问题","原因","留言"\r\n` +
        // A comment a spreadsheet would run as a formula is written as text.
        `"${day}","${question?.question}","其他","'=HYPERLINK(""http://x"",""点我"")"\r\n` +
        `"${day}","${question?.question}","描述不清楚","说""清楚""些"\r\n`,
    );
    expect(readFileSync(path.join(dataDir, "csv", "no-results.csv"), "utf8")).toBe('\uFEFF"搜索词","次数"\r\n"火星","1"\r\n');

    const purged = await report(dataDir, "--purge-before", "2999-01-01");
    expect(purged.stdout).toContain("评价 2 条，搜索 1 条，点击 1 条");
    expect((await report(dataDir)).stdout).toContain("（无）");
  }, 60_000);

  it("names a bad date and exits 1", async () => {
    const error = await report(mkdtempSync(path.join(os.tmpdir(), "faq-report-")), "--purge-before", "yesterday").catch((e) => e);
    expect(error.code).toBe(1);
    expect(error.stderr).toContain("--purge-before yesterday：应为 YYYY-MM-DD 格式的日期");
  }, 30_000);
});
