// `npm run report`: what the owner page shows, as tables in the terminal, for an owner on the
// server without the token. Reads the same configuration as the server (DATA_DIR or DATABASE_URL).
//   npm run report                       last 30 days
//   npm run report -- --days 90          7, 30 or 90 (or any number of days)
//   npm run report -- --csv DIR          also writes votes.csv, comments.csv, no-results.csv, queries.csv, clicks.csv
//   npm run report -- --purge-before YYYY-MM-DD   deletes every record of the days before that date
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../src/config.js";
import { loadSite } from "../src/content/load.js";
import { REASON_WORDS } from "../src/feedback/reasons.js";
import { createLog } from "../src/log.js";
import { questionTitles } from "../src/owner/owner-view.js";
import { shownComment, spreadsheetCell } from "../src/owner/reader-text.js";
import { openStore } from "../src/store/open.js";
import { periodStart, type Reason, type Report } from "../src/store/store.js";

const USAGE = "用法：npm run report -- [--days 天数] [--csv 目录] [--purge-before YYYY-MM-DD]";

function main(): Promise<void> | void {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const store = openStore(config, createLog("silent"));
  return run(args, config.contentDir, store).finally(() => store.close());
}

function parse() {
  const { values } = parseArgs({
    options: { days: { type: "string", default: "30" }, csv: { type: "string" }, "purge-before": { type: "string" } },
    strict: true,
  });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new Error(`--days ${values.days}：应为 1 到 3650 之间的整数`);
  const purge = values["purge-before"];
  if (purge !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(purge) || Number.isNaN(Date.parse(purge)))) {
    throw new Error(`--purge-before ${purge}：应为 YYYY-MM-DD 格式的日期，例如 2026-01-01`);
  }
  return { days, csv: values.csv, purge };
}

async function run(args: ReturnType<typeof parse>, contentDir: string, store: ReturnType<typeof openStore>) {
  if (args.purge !== undefined) {
    const purged = await store.purgeBefore(args.purge);
    console.log(`已删除 ${args.purge} 之前的记录：评价 ${purged.votes} 条，搜索 ${purged.searches} 条，点击 ${purged.clicks} 条。`);
    return;
  }
  const report = await store.report(periodStart(args.days));
  const tables = toTables(report, titlesFrom(contentDir));
  console.log(`读者反馈与搜索（近 ${args.days} 天，自 ${report.since} 起，${store.kind}）`);
  for (const [name, rows] of Object.entries(tables)) {
    console.log(`\n${TITLES[name as keyof typeof TITLES]}`);
    if (rows.length === 0) console.log("（无）");
    else console.table(rows);
  }
  if (args.csv !== undefined) {
    mkdirSync(args.csv, { recursive: true });
    for (const [name, rows] of Object.entries(tables)) writeFileSync(path.join(args.csv, `${name}.csv`), toCsv(rows));
    console.log(`\n已写入 CSV：${path.resolve(args.csv)}`);
  }
}

const TITLES = {
  votes: "各问题的评价",
  comments: "最新留言",
  "no-results": "没有结果的搜索",
  queries: "搜索最多的词",
  clicks: "搜索后打开的回答",
};

/** The question titles, when the content folder loads; the slugs alone otherwise. */
function titlesFrom(contentDir: string): (slug: string) => string {
  try {
    const titles = questionTitles(loadSite(contentDir));
    return (slug) => titles.get(slug)?.title ?? slug;
  } catch {
    return (slug) => slug;
  }
}

function toTables(report: Report, title: (slug: string) => string): Record<keyof typeof TITLES, Record<string, string | number>[]> {
  return {
    votes: report.votes.map((row) => {
      const total = row.helpful + row.unhelpful;
      return {
        问题: title(row.page),
        页面: row.page,
        有帮助: row.helpful,
        没帮助: row.unhelpful,
        有帮助比例: total === 0 ? "" : `${Math.round((row.helpful / total) * 100)}%`,
        原因: Object.entries(row.reasons)
          .map(([reason, count]) => `${REASON_WORDS[reason as Reason]} ${count}`)
          .join("、"),
      };
    }),
    comments: report.comments.map((row) => ({
      日期: row.day,
      问题: title(row.page),
      原因: row.reason ? REASON_WORDS[row.reason] : "",
      留言: shownComment(row.comment),
    })),
    "no-results": report.noResults.map((row) => ({ 搜索词: row.query, 次数: row.count })),
    queries: report.topQueries.map((row) => ({ 搜索词: row.query, 次数: row.count, 结果数: row.results })),
    clicks: report.clicks.map((row) => ({ 搜索词: row.query, 打开的回答: title(row.target), 次数: row.count })),
  };
}

/**
 * RFC 4180: every field quoted, quotes doubled; a BOM so spreadsheet programs read UTF-8
 * Chinese; and no reader's comment runs as a formula.
 */
function toCsv(rows: Record<string, string | number>[]): string {
  const quote = (value: string | number | undefined) => `"${spreadsheetCell(value ?? "").replace(/"/g, '""')}"`;
  const header = Object.keys(rows[0] ?? {});
  return `\uFEFF${[header, ...rows.map((row) => header.map((name) => row[name]))].map((line) => line.map(quote).join(",")).join("\r\n")}\r\n`;
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

await main();
