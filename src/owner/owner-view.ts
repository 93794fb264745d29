// What the owner page and the report show, worked out from a Report once: per question its
// votes, helpful share and reasons; the searches; the click-throughs by query.

import type { Site } from "../content/site.js";
import { REASON_WORDS } from "../feedback/reasons.js";
import { dayOf, type Reason, type Report } from "../store/store.js";
import { dayChart, voteChart } from "./charts.js";
import { shownComment } from "./reader-text.js";

export const PERIODS: readonly number[] = [7, 30, 90];

export function questionTitles(site: Site): Map<string, { title: string; url: string }> {
  return new Map(site.questions.map((q) => [q.slug, { title: q.question, url: q.url }]));
}

export function ownerView(site: Site, report: Report, days: number) {
  const titles = questionTitles(site);
  const titleOf = (slug: string) => titles.get(slug)?.title ?? `${slug}（已删除的问题）`;
  const votes = report.votes
    .map((row) => {
      const total = row.helpful + row.unhelpful;
      return {
        ...row,
        title: titleOf(row.page),
        url: titles.get(row.page)?.url,
        total,
        share: total === 0 ? 0 : Math.round((row.helpful / total) * 100),
        reasons: Object.entries(row.reasons).map(([reason, count]) => ({ words: REASON_WORDS[reason as Reason], count })),
      };
    })
    .sort((a, b) => a.share - b.share || b.total - a.total);
  const byDay = new Map(report.noResultDays.map((row) => [row.day, row.count]));
  const start = new Date(`${report.since}T00:00:00Z`).getTime();
  const everyDay = Array.from({ length: days }, (_, i) => dayOf(new Date(start + i * 86_400_000))).map((day) => ({
    day,
    count: byDay.get(day) ?? 0,
  }));
  return {
    days,
    periods: PERIODS,
    since: report.since,
    votes,
    voteChart: voteChart(
      votes.map((row) => ({ label: row.title, helpful: row.helpful, unhelpful: row.unhelpful })),
      `近 ${days} 天各问题的评价：有帮助与没帮助的票数`,
    ),
    comments: report.comments.map((row) => ({
      ...row,
      comment: shownComment(row.comment),
      title: titleOf(row.page),
      url: titles.get(row.page)?.url,
      reasonWords: row.reason ? REASON_WORDS[row.reason] : "",
    })),
    noResults: report.noResults,
    noResultChart: dayChart(everyDay, `近 ${days} 天每天没有结果的搜索次数`),
    topQueries: report.topQueries.map((row) => ({
      ...row,
      clicks: report.clicks
        .filter((click) => click.query === row.query)
        .map((click) => ({ ...click, title: titleOf(click.target), url: titles.get(click.target)?.url })),
    })),
  };
}
