// Server-rendered SVG charts for the owner page: plain markup whose text takes the page's own
// colour (currentColor, so it follows dark mode) and whose bars are mid-tone green and red that
// read on light and dark alike; a <title> and an aria-label for screen readers, and the same
// numbers in a table beside them. Styled by attributes, so they cost the site's CSS budget nothing. Hand-written rather than a charting library: the ones
// that render SVG (Chart.js, ECharts, Vega) need a DOM or a canvas, or bring megabytes for two
// bar charts; these are two functions of a few lines each.

const ROW = 28;
const LABEL_WIDTH = 0; // labels sit above the bars, so long Chinese questions never get cut
const WIDTH = 600;

export interface VoteBar {
  readonly label: string;
  readonly helpful: number;
  readonly unhelpful: number;
}

const YES = 'fill="#1f8a4c"';
const NO = 'fill="#d93026"';
const TEXT = 'fill="currentColor" font-size="13"';

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** One stacked bar per question: helpful, then not helpful, scaled to the busiest question. */
export function voteChart(bars: readonly VoteBar[], title: string): string {
  const most = Math.max(1, ...bars.map((bar) => bar.helpful + bar.unhelpful));
  // Room right of the longest bar for its "2 / 2，有帮助 50%" label.
  const scale = (WIDTH - LABEL_WIDTH - 180) / most;
  const rows = bars.map((bar, i) => {
    const y = i * ROW * 2;
    const yes = bar.helpful * scale;
    const no = bar.unhelpful * scale;
    const total = bar.helpful + bar.unhelpful;
    const share = total === 0 ? "" : `，有帮助 ${Math.round((bar.helpful / total) * 100)}%`;
    return [
      `<text ${TEXT} x="0" y="${y + 18}">${escapeXml(bar.label)}</text>`,
      `<rect ${YES} x="0" y="${y + ROW}" width="${yes.toFixed(1)}" height="${ROW - 8}"/>`,
      `<rect ${NO} x="${yes.toFixed(1)}" y="${y + ROW}" width="${no.toFixed(1)}" height="${ROW - 8}"/>`,
      `<text ${TEXT} x="${(yes + no + 6).toFixed(1)}" y="${y + ROW + 15}">${bar.helpful} / ${bar.unhelpful}${share}</text>`,
    ].join("");
  });
  return svg(WIDTH, Math.max(ROW, bars.length * ROW * 2), title, rows.join(""));
}

export interface DayBar {
  readonly day: string;
  readonly count: number;
}

/** Searches with no result per day over the period: one column a day, empty days included. */
export function dayChart(days: readonly DayBar[], title: string): string {
  const height = 140;
  const most = Math.max(1, ...days.map((day) => day.count));
  const step = WIDTH / Math.max(1, days.length);
  const columns = days.map((day, i) => {
    const h = (day.count / most) * (height - 30);
    return `<rect ${NO} x="${(i * step + 1).toFixed(1)}" y="${(height - 20 - h).toFixed(1)}" width="${Math.max(1, step - 2).toFixed(1)}" height="${h.toFixed(1)}"><title>${day.day}：${day.count}</title></rect>`;
  });
  const first = days[0]?.day ?? "";
  const last = days.at(-1)?.day ?? "";
  const axis = `<text ${TEXT} x="0" y="${height - 4}">${first}</text><text ${TEXT} x="${WIDTH}" y="${height - 4}" text-anchor="end">${last}</text><text ${TEXT} x="0" y="12">最多 ${Math.max(0, ...days.map((day) => day.count))} 次/天</text>`;
  return svg(WIDTH, height, title, columns.join("") + axis);
}

function svg(width: number, height: number, title: string, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeXml(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(title)}</title>${body}</svg>`;
}
