// `npm run bench`: throughput and latency of the built server against three baselines serving
// the same bytes (bare node:http from a Buffer, minimal Express 5 res.send, Debian's nginx on the
// exported files), interleaved in one run, with wrk on loopback. `-- --startup` measures time to
// first answer and memory instead, with the real content and with generated questions.
// Needs: wrk (Debian package wrk); nginx (Debian nginx, plus libnginx-mod-http-brotli-static for br) if present.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { buildSite } from "../src/build-site.js";
import { loadSite } from "../src/content/load.js";
import { replaceFolder } from "../src/export/folder.js";
import { exportFiles } from "../src/pages/export-site.js";
import { freePort } from "./free-port.js";
import { nginxInstalled, startNginx, waitForPort } from "./nginx.js";
import { serverArgs } from "./server-command.js";
import { writeSyntheticContent } from "./synthetic-content.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const WRK = "/usr/bin/wrk";
const QUESTION = "/questions/invoice";

const { values: options } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "50" },
    startup: { type: "boolean", default: false },
    questions: { type: "string", default: "1000" },
    repeat: { type: "string", default: "5" },
  },
});
const duration = bounded("duration", 1, 30);
const rounds = bounded("rounds", 1, 10);
const connections = bounded("connections", 1, 200);
const questions = bounded("questions", 1, 5000);
const repeat = bounded("repeat", 1, 20);

function bounded(name: keyof typeof options, min: number, max: number): number {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
}

const work = mkdtempSync(path.join(os.tmpdir(), "faq-bench-"));
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

/** Starts a Node server process; its stdout (our access log) goes to /dev/null, as to a log shipper that keeps up. */
async function startNode(args: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", openSync("/dev/null", "w"), "inherit"],
  });
  children.push(child);
  await waitForPort(port, 10_000);
  return child;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };
const ms = (text: string | undefined) => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text ?? "");
  if (!match) throw new Error(`cannot read wrk latency "${text}"`);
  return Number(match[1]) * (UNITS[match[2] as string] ?? Number.NaN);
};

async function wrk(url: string, encoding: string, seconds: number): Promise<Result> {
  const headers = encoding === "identity" ? [] : ["-H", `Accept-Encoding: ${encoding}`];
  const { stdout } = await promisify(execFile)(WRK, ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", ...headers, url], {
    timeout: (seconds + 15) * 1000,
  });
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(stdout);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
    p50: ms(/ 50%\s+(\S+)/.exec(stdout)?.[1]),
    p99: ms(/ 99%\s+(\S+)/.exec(stdout)?.[1]),
    errors: (errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) + Number(non2xx?.[1] ?? 0),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function throughput(): Promise<void> {
  if (!existsSync(WRK)) throw new Error("npm run bench needs wrk: apt-get install wrk");
  const publicBaseUrl = "http://localhost";
  const site = path.join(work, "site");
  const built = buildSite(loadSite(path.join(ROOT, "content")), { publicBaseUrl });
  replaceFolder(site, exportFiles(built.pages, built.errors[404]));
  const routes = JSON.stringify([
    { url: "/", file: path.join(site, "index.html"), type: "text/html; charset=utf-8" },
    { url: QUESTION, file: path.join(site, QUESTION.slice(1), "index.html"), type: "text/html; charset=utf-8" },
  ]);

  const servers: Array<{ name: string; port: number }> = [];
  const ours = await freePort();
  await startNode(serverArgs(ROOT), { PORT: String(ours), PUBLIC_BASE_URL: publicBaseUrl, LOG_LEVEL: "info" }, ours);
  servers.push({ name: "ours", port: ours });
  // The same server with its per-request access log turned off, to show what that log costs.
  const quiet = await freePort();
  await startNode(serverArgs(ROOT), { PORT: String(quiet), PUBLIC_BASE_URL: publicBaseUrl, LOG_LEVEL: "warn" }, quiet);
  servers.push({ name: "ours, LOG_LEVEL=warn", port: quiet });
  for (const name of ["bare-node", "express"]) {
    const port = await freePort();
    await startNode([path.join(ROOT, "scripts", "baselines", `${name}.mjs`), String(port), routes], {}, port);
    servers.push({ name, port });
  }
  if (nginxInstalled()) {
    const { chmodSync } = await import("node:fs");
    chmodSync(work, 0o755); // nginx's worker runs as another user and must read the folder
    const nginx = await startNginx(site, await freePort(), path.join(work, "nginx"));
    cleanups.push(() => nginx.stop());
    servers.push({ name: "nginx", port: nginx.port });
  } else {
    console.log("nginx is not installed (apt-get install nginx): its column is left out.");
  }

  const cases = ["/", QUESTION].flatMap((url) => ["identity", "br", "gzip"].map((encoding) => ({ url, encoding })));
  await sameBytes(servers, cases);

  const total = (cases.length * servers.length * (rounds * duration + 1)) / 60;
  console.log(
    `wrk -t1 -c${connections}, ${duration} s per run, ${rounds} rounds, about ${total.toFixed(1)} min. Load before: ${loadavg()}`,
  );
  for (const server of servers) for (const { url, encoding } of cases) await wrk(`http://127.0.0.1:${server.port}${url}`, encoding, 1); // warm-up

  const results = new Map<string, Result[]>();
  for (let round = 0; round < rounds; round++) {
    for (const [index, { url, encoding }] of cases.entries()) {
      // Rotate the order so no server always runs first, or always right after another.
      const order = servers.map((_, i) => servers[(i + round + index) % servers.length] as (typeof servers)[number]);
      for (const server of order) {
        const key = `${url} ${encoding} ${server.name}`;
        results.set(key, [...(results.get(key) ?? []), await wrk(`http://127.0.0.1:${server.port}${url}`, encoding, duration)]);
      }
    }
    process.stdout.write(`round ${round + 1}/${rounds} done, load ${loadavg()}\n`);
  }

  const lines = [
    "| page | encoding | server | req/s | p50 ms | p99 ms | errors | ours ÷ this (req/s) | ours ÷ this (p99) |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const verdicts: string[] = [];
  for (const { url, encoding } of cases) {
    const summary = (name: string) => {
      const runs = results.get(`${url} ${encoding} ${name}`) ?? [];
      return {
        rps: median(runs.map((r) => r.rps)),
        p50: median(runs.map((r) => r.p50)),
        p99: median(runs.map((r) => r.p99)),
        errors: runs.reduce((sum, r) => sum + r.errors, 0),
      };
    };
    const mine = summary("ours");
    for (const { name } of servers) {
      const them = summary(name);
      const ratio = name === "ours" ? ["", ""] : [(mine.rps / them.rps).toFixed(2), (mine.p99 / them.p99).toFixed(2)];
      lines.push(
        `| ${url} | ${encoding} | ${name} | ${Math.round(them.rps)} | ${them.p50.toFixed(2)} | ${them.p99.toFixed(2)} | ${them.errors} | ${ratio[0]} | ${ratio[1]} |`,
      );
    }
    const bare = summary("bare-node");
    const express = summary("express");
    const quietRps = summary("ours, LOG_LEVEL=warn").rps;
    verdicts.push(
      `${url} ${encoding}: ${(mine.rps / bare.rps).toFixed(2)}× bare Node (target ≥ 0.6) ${mine.rps / bare.rps >= 0.6 ? "ok" : "MISSED"}; ` +
        `p99 ${(mine.p99 / bare.p99).toFixed(2)}× (target ≤ 2) ${mine.p99 / bare.p99 <= 2 ? "ok" : "MISSED"}; ` +
        `${(mine.rps / express.rps).toFixed(2)}× Express (target ≥ 3) ${mine.rps / express.rps >= 3 ? "ok" : "MISSED"}; ` +
        `without the access log ${(quietRps / bare.rps).toFixed(2)}× bare Node`,
    );
  }
  console.log(
    `\n${lines.join("\n")}\n\n${verdicts.join("\n")}\n\nLoad after: ${loadavg()}; ${os.cpus().length} CPUs, Node ${process.version}`,
  );
}

/** The servers must send the same bytes for each case, or the comparison means nothing. */
async function sameBytes(servers: Array<{ name: string; port: number }>, cases: Array<{ url: string; encoding: string }>) {
  const http = await import("node:http");
  for (const { url, encoding } of cases) {
    const bodies = await Promise.all(
      servers.map(
        ({ port }) =>
          new Promise<string>((resolve, reject) => {
            const headers = encoding === "identity" ? {} : { "Accept-Encoding": encoding };
            http
              .get({ host: "127.0.0.1", port, path: url, headers }, (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (chunk: Buffer) => chunks.push(chunk));
                res.on("end", () =>
                  resolve(`${res.statusCode} ${res.headers["content-encoding"] ?? "identity"} ${Buffer.concat(chunks).toString("base64")}`),
                );
              })
              .on("error", reject);
          }),
      ),
    );
    for (const [i, body] of bodies.entries()) {
      if (body !== bodies[0]) throw new Error(`${servers[i]?.name} does not send the same bytes as ours for ${url} ${encoding}`);
    }
  }
}

const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

/** How long a started server is left idle before its memory is read again, "settled". */
const SETTLE_MS = 5000;

/**
 * Time from spawning the built server (as `npm start` runs it) to its first 200 for /, its
 * memory then, and its memory after SETTLE_MS idle. Everything is built before the server
 * listens, so the first reading already includes the pages and the search index.
 */
async function startup(): Promise<void> {
  const synthetic = path.join(work, "synthetic");
  writeSyntheticContent(path.join(ROOT, "content"), synthetic, questions);
  console.log(`Load before: ${loadavg()}; node ${serverArgs(ROOT).join(" ")}`);
  for (const [label, contentDir] of [
    [`real content (${loadSite(path.join(ROOT, "content")).questions.length} questions)`, path.join(ROOT, "content")],
    [`${questions} generated questions`, synthetic],
  ] as const) {
    const runs: Array<{ ms: number; cpuMs: number; rssMb: number; settledMb: number; peakMb: number }> = [];
    for (let i = 0; i < repeat; i++) {
      const port = await freePort();
      const started = performance.now();
      const child = spawn(process.execPath, serverArgs(ROOT), {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), CONTENT_DIR: contentDir, LOG_LEVEL: "warn" },
        stdio: "ignore",
      });
      children.push(child);
      for (;;) {
        const ok = await fetch(`http://127.0.0.1:${port}/`).then(
          (res) => res.status === 200,
          () => false,
        );
        if (ok) break;
        if (performance.now() - started > 30_000) throw new Error(`${label}: no answer within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const elapsed = performance.now() - started;
      const memory = () => {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const mb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
        return { rssMb: mb("VmRSS"), peakMb: mb("VmHWM") };
      };
      const { rssMb } = memory();
      // CPU time (user + system, all threads) says the same with less noise from other work on the machine.
      const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      const cpuMs = ((Number(stat[11]) + Number(stat[12])) * 1000) / 100;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const { rssMb: settledMb, peakMb } = memory();
      runs.push({ ms: elapsed, cpuMs, rssMb, settledMb, peakMb });
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    const summary = (values: number[]) =>
      `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
    console.log(
      `${label}, medians (min–max) of ${repeat} starts: first answer after ${summary(runs.map((r) => r.ms))} ms, ` +
        `${summary(runs.map((r) => r.cpuMs))} ms of CPU; RSS then ${summary(runs.map((r) => r.rssMb))} MB, ` +
        `${SETTLE_MS / 1000} s later ${summary(runs.map((r) => r.settledMb))} MB, peak ${summary(runs.map((r) => r.peakMb))} MB`,
    );
  }
  console.log(`Load after: ${loadavg()}; ${os.cpus().length} CPUs, Node ${process.version}`);
}

try {
  await (options.startup ? startup() : throughput());
} finally {
  for (const cleanup of cleanups) await cleanup();
}
process.exit(0);
