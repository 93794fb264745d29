// `npm run soak`: the built server under steady load for a bounded time (default 60 s, 100
// connections, loopback): every page and asset with assorted encodings, revalidations and HEADs,
// mixed with bad input. Reports requests, unexpected answers, 5xx and memory before and after;
// exits non-zero if any 5xx, any unexpected answer, or memory grew 10% or more.
import { spawn } from "node:child_process";
import { createReadStream, mkdtempSync, openSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildSite } from "../src/build-site.js";
import { loadSite } from "../src/content/load.js";
import { freePort } from "./free-port.js";
import { waitForPort } from "./nginx.js";
import { serverArgs } from "./server-command.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const { values } = parseArgs({ options: { duration: { type: "string", default: "60" }, connections: { type: "string", default: "100" } } });
const seconds = Number(values.duration);
const connections = Number(values.connections);
if (!(seconds >= 1 && seconds <= 600) || !(connections >= 1 && connections <= 500))
  throw new Error("--duration 1–600 s, --connections 1–500");
const MAX_REQUESTS = 5_000_000;

interface Probe {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** The answer a correct server gives. */
  expect: number;
  bad: boolean;
}

const publicBaseUrl = "http://localhost";
const { pages } = buildSite(loadSite(path.join(ROOT, "content")), { publicBaseUrl });
const good: Probe[] = [];
for (const [url, page] of pages) {
  for (const encoding of [undefined, "gzip", "br", "gzip, deflate, br, zstd", "br;q=0, gzip"]) {
    const headers: Record<string, string> = encoding ? { "Accept-Encoding": encoding } : {};
    good.push({ method: "GET", path: url, headers, expect: 200, bad: false });
    good.push({ method: "HEAD", path: url, headers, expect: 200, bad: false });
  }
  good.push({ method: "GET", path: `${url}?utm_source=soak`, expect: 200, bad: false });
  good.push({ method: "GET", path: url, headers: { "If-None-Match": page.headers.ETag ?? "" }, expect: 304, bad: false });
  if (page.br)
    good.push({
      method: "GET",
      path: url,
      headers: { "Accept-Encoding": "br", "If-None-Match": page.br.headers.ETag ?? "" },
      expect: 304,
      bad: false,
    });
}
good.push({ method: "GET", path: "/healthz", expect: 200, bad: false }, { method: "GET", path: "/readyz", expect: 200, bad: false });
const bad: Probe[] = [
  { method: "GET", path: "/nope", expect: 404, bad: true },
  { method: "GET", path: "/questions/nope", expect: 404, bad: true },
  { method: "GET", path: "/questions/INVOICE", expect: 404, bad: true },
  { method: "GET", path: "/questions/invoice/", expect: 301, bad: true },
  { method: "GET", path: "/%", expect: 400, bad: true },
  { method: "GET", path: "/questions/%E0%A4%A", expect: 400, bad: true },
  { method: "GET", path: `/questions/${"a".repeat(3000)}`, expect: 414, bad: true },
  { method: "GET", path: "/../package.json", expect: 404, bad: true },
  { method: "GET", path: "/assets/%2e%2e/%2e%2e/package.json", expect: 404, bad: true },
  { method: "GET", path: "/?q=%3Cscript%3Ealert(1)%3C/script%3E", expect: 200, bad: true },
  { method: "GET", path: "/", headers: { "If-None-Match": '"garbage", W/"x"' }, expect: 200, bad: true },
  { method: "GET", path: "/", headers: { "Accept-Encoding": "x".repeat(2000) }, expect: 200, bad: true },
  { method: "POST", path: "/", body: Buffer.alloc(64 * 1024, "a"), expect: 405, bad: true },
  { method: "DELETE", path: "/questions/invoice", expect: 405, bad: true },
  { method: "PUT", path: "/nope", expect: 404, bad: true },
  // Larger than Node's 16 KB header limit: Node answers 431 and closes the connection.
  { method: "GET", path: "/", headers: { Cookie: "a".repeat(20_000) }, expect: 431, bad: true },
];

const rssMb = (pid: number) =>
  import("node:fs").then(({ readFileSync }) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024);

const port = await freePort();
// The server's log goes to a file, as to a log shipper that keeps up: read through a pipe by
// this busy process, it would back up in the server's memory and look like a leak.
const logDir = mkdtempSync(path.join(os.tmpdir(), "faq-soak-"));
const logFile = path.join(logDir, "server.log");
const child = spawn(process.execPath, serverArgs(ROOT), {
  cwd: ROOT,
  env: { ...process.env, PORT: String(port), PUBLIC_BASE_URL: publicBaseUrl, LOG_LEVEL: "info" },
  stdio: ["ignore", openSync(logFile, "w"), "inherit"],
});
process.on("exit", () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(logDir, { recursive: true, force: true });
});

/** Lines in the server's log, and those at error level or above (50, 60), which must be none. */
async function countLog(): Promise<{ lines: number; errors: number }> {
  let lines = 0;
  let errors = 0;
  for await (const line of createInterface({ input: createReadStream(logFile) })) {
    lines++;
    if (line.includes('"level":50') || line.includes('"level":60')) errors++;
  }
  return { lines, errors };
}
await waitForPort(port, 10_000);

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const counts = { requests: 0, good: 0, bad: 0, unexpected: 0, network: 0, fiveXX: 0 };
const byStatus = new Map<number, number>();
const surprises = new Map<string, number>();

function send(probe: Probe): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, agent, method: probe.method, path: probe.path, headers: probe.headers }, (res) => {
      res.resume();
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        if (status >= 500) counts.fiveXX++;
        if (status !== probe.expect) {
          counts.unexpected++;
          const key = `${probe.method} ${probe.path.slice(0, 60)} → ${status}, expected ${probe.expect}`;
          surprises.set(key, (surprises.get(key) ?? 0) + 1);
        }
        resolve();
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // A 431 closes the connection, sometimes before the client finishes writing its huge header.
      if (!(probe.expect === 431 && (error.code === "ECONNRESET" || error.code === "EPIPE"))) {
        counts.network++;
        const key = `${probe.method} ${probe.path.slice(0, 60)}: ${error.code ?? error.message}`;
        surprises.set(key, (surprises.get(key) ?? 0) + 1);
      }
      resolve();
    });
    req.end(probe.body);
  });
}

/** Nine good requests to one bad, at random. */
const pick = (): Probe => {
  const list = Math.random() < 0.9 ? good : bad;
  return list[Math.floor(Math.random() * list.length)] as Probe;
};

async function worker(until: number) {
  while (Date.now() < until && counts.requests < MAX_REQUESTS) {
    const probe = pick();
    counts.requests++;
    if (probe.bad) counts.bad++;
    else counts.good++;
    await send(probe);
  }
}

// A warm-up, so V8's heap has grown to what this load needs before anything is compared.
const WARM_UP_MS = 10_000;
await Promise.all(Array.from({ length: connections }, () => worker(Date.now() + WARM_UP_MS)));
const warmed = { ...counts };
for (const key of Object.keys(counts) as Array<keyof typeof counts>) counts[key] = 0;
byStatus.clear();
console.log(
  `soak: ${seconds} s, ${connections} connections, ${good.length} good and ${bad.length} bad request kinds (1 in 10 bad), against node ${serverArgs(ROOT).join(" ")} on 127.0.0.1, LOG_LEVEL=info. Load ${os.loadavg()[0]?.toFixed(2)}`,
);
console.log(`warm-up: ${WARM_UP_MS / 1000} s, ${warmed.requests} requests, ${warmed.fiveXX} 5xx`);

// RSS once a second under load. "Before" and "after" are the medians of the first and last
// tenth of the run (at least 3 samples each): single readings swing with V8's heap resizing.
const started = Date.now();
const samples: number[] = [];
const sampler = setInterval(async () => {
  samples.push(await rssMb(child.pid ?? 0));
}, 1000);
await Promise.all(Array.from({ length: connections }, () => worker(started + seconds * 1000)));
clearInterval(sampler);
const elapsed = (Date.now() - started) / 1000;
agent.destroy();
const window = Math.max(3, Math.floor(samples.length / 10));
const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const before = middle(samples.slice(0, window));
const after = middle(samples.slice(-window));
const highest = Math.max(...samples);
await new Promise((resolve) => setTimeout(resolve, 2000)); // let the last responses and timers settle
const idle = await rssMb(child.pid ?? 0);
child.kill("SIGTERM");
const exitCode = await new Promise<number | null>((resolve) => child.once("exit", resolve));
const { lines: logLines, errors: errorLines } = await countLog();

const growth = ((after - before) / before) * 100;
console.log(
  `requests: ${counts.requests} in ${elapsed.toFixed(1)} s (${Math.round(counts.requests / elapsed)}/s): ${counts.good} good, ${counts.bad} bad input`,
);
console.log(
  `by status: ${[...byStatus]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}: ${n}`)
    .join(", ")}`,
);
console.log(`unexpected answers: ${counts.unexpected}; network errors: ${counts.network}; 5xx: ${counts.fiveXX}`);
for (const [what, n] of surprises) console.log(`  ${n} × ${what}`);
console.log(`server log: ${logLines} lines, ${errorLines} at error level or above; exit code after SIGTERM: ${exitCode}`);
console.log(
  `memory (RSS under load, median of the first and last ${window} s): before ${before.toFixed(1)} MB, after ${after.toFixed(1)} MB ` +
    `(${growth >= 0 ? "+" : ""}${growth.toFixed(1)}%); highest ${highest.toFixed(1)} MB; idle 2 s after the load ${idle.toFixed(1)} MB`,
);
const failed = counts.fiveXX > 0 || counts.unexpected > 0 || counts.network > 0 || growth >= 10 || errorLines > 0 || exitCode !== 0;
console.log(failed ? "SOAK FAILED" : "soak passed: no 5xx, no unexpected answer, memory growth under 10%");
process.exit(failed ? 1 : 0);
