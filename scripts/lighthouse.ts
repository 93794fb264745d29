// `npm run lighthouse`: Lighthouse's mobile emulation (slow 4G, 4× CPU slowdown), simulated and
// applied, over the built server, for the contents page and the first question, three runs each;
// prints the median LCP, FCP and bytes transferred. `npm run lighthouse -- http://127.0.0.1:PORT` measures
// a server that is already running instead (to compare with an older build).
// Chromium is Debian's (CHROME_PATH, default /usr/bin/chromium); nothing leaves 127.0.0.1.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { type RunningServer, startServer } from "../test/browser/server.js";

const RUNS = 3;

interface Figures {
  lcp: number;
  fcp: number;
  bytes: number;
  requests: number;
  score: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Lighthouse's default, "simulate", runs unthrottled and models slow 4G from the trace: it puts
 * a deferred script fetched before the paint on localhost on the path to LCP, which on a real
 * slow network would arrive after it. "devtools" throttles the browser's own network and CPU,
 * so a page paints when its bytes would really arrive. Both are printed.
 */
const METHODS = ["simulate", "devtools"] as const;

async function measure(url: string, port: number, throttlingMethod: (typeof METHODS)[number]): Promise<Figures> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance"], throttlingMethod });
  if (result === undefined) throw new Error(`lighthouse gave no result for ${url}`);
  const { audits, categories } = result.lhr;
  const items = (audits["network-requests"]?.details as { items?: unknown[] } | undefined)?.items ?? [];
  return {
    lcp: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    fcp: audits["first-contentful-paint"]?.numericValue ?? Number.NaN,
    bytes: audits["total-byte-weight"]?.numericValue ?? Number.NaN,
    requests: items.length,
    score: (categories.performance?.score ?? Number.NaN) * 100,
  };
}

const given = process.argv[2];
const server: RunningServer | undefined = given === undefined ? await startServer() : undefined;
const siteUrl = given ?? server?.url ?? "";
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const sitemap = await (await fetch(`${siteUrl}/sitemap.xml`)).text();
  const question = [...sitemap.matchAll(/<loc>([^<]+\/questions\/[^<]+)<\/loc>/g)][0]?.[1];
  if (question === undefined) throw new Error("no question in the sitemap");
  const path = (url: string) => new URL(url).pathname;
  const targets = [`${siteUrl}/`, `${siteUrl}${path(question)}`];
  console.log("page | throttling | LCP ms | FCP ms | bytes | requests | score (median of %d)", RUNS);
  for (const url of targets) {
    for (const method of METHODS) {
      const runs: Figures[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(url, chrome.port, method));
      const pick = (key: keyof Figures) => Math.round(median(runs.map((run) => run[key])));
      console.log(`${path(url)} | ${method} | ${pick("lcp")} | ${pick("fcp")} | ${pick("bytes")} | ${pick("requests")} | ${pick("score")}`);
    }
  }
} finally {
  chrome.kill();
  await server?.stop();
}
