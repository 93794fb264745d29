// `npm run attack`: hostile clients against the built server on 127.0.0.1, each probe bounded
// (about 20 s at most, all of them well under 3 minutes), one line per probe with its figures
// and a final "N passed, N failed". The behaviours behind each probe have fast tests in
// `npm test` (test/process/hostile-clients.test.ts, test/http/bad-input.test.ts,
// test/http/search-limits.test.ts); this shows them at attack scale on the real process.
// Needs wrk (Debian package wrk) for the search probe.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { freePort } from "./free-port.js";
import { waitForPort } from "./nginx.js";
import { serverArgs } from "./server-command.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const WRK = "/usr/bin/wrk";
/** Per probe, start-up of its server included (slow when the machine is loaded). */
const PROBE_LIMIT_MS = 40_000;

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  readonly lines: string[];
  rssMB(): number;
}

const children: ChildProcess[] = [];
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, serverArgs(ROOT), {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of String(chunk).split("\n")) if (line !== "" && lines.length < 10_000) lines.push(line);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  await waitForPort(port, 45_000);
  const pid = child.pid as number;
  return { child, port, lines, rssMB: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024 };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await Promise.race([exited, sleep(12_000)]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number) => Math.round(value);

/** One GET; resolves with status and time taken, or status 0 when it failed or took over timeoutMs. */
function timedGet(port: number, urlPath: string, timeoutMs = 5000, agent: http.Agent | false = false) {
  const began = performance.now();
  return new Promise<{ status: number; ms: number; close: boolean }>((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - began, close: res.headers.connection === "close" }),
      );
      res.on("error", () => resolve({ status: 0, ms: performance.now() - began, close: true }));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve({ status: 0, ms: performance.now() - began, close: true }));
  });
}

/** Connects and sends `data`; a reading socket sees the server close it, a non-reading one never reads. */
function connect(port: number, data?: string, read = true): Promise<net.Socket> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      connectedAt.set(socket, performance.now());
      if (data !== undefined) socket.write(data);
      resolve(socket);
    });
    socket.on("error", () => {
      socket.destroy();
      resolve(socket);
    });
    if (read) socket.resume();
  });
}

/** Opens `count` connections, a hundred at a time, each sending `data`; remembers when each connected. */
async function connectMany(port: number, count: number, data?: string, read = true): Promise<net.Socket[]> {
  const sockets: net.Socket[] = [];
  for (let at = 0; at < count; at += 100) {
    const batch = await Promise.all(Array.from({ length: Math.min(100, count - at) }, () => connect(port, data, read)));
    for (const socket of batch) sockets.push(socket);
  }
  return sockets;
}

const connectedAt = new WeakMap<net.Socket, number>();

/** How long each socket stayed open after it connected (Infinity for any still open after `limitMs` more). */
async function closeTimes(sockets: readonly net.Socket[], limitMs: number): Promise<number[]> {
  const times = sockets.map((socket) =>
    socket.destroyed
      ? Promise.resolve(0)
      : new Promise<number>((resolve) => {
          socket.once("close", () => resolve(performance.now() - (connectedAt.get(socket) ?? 0)));
        }),
  );
  const limit = sleep(limitMs).then(() => Number.POSITIVE_INFINITY);
  return Promise.all(times.map((time) => Promise.race([time, limit])));
}

interface WrkResult {
  rps: number;
  p99: number;
}

async function wrk(url: string, connections: number, seconds: number): Promise<WrkResult> {
  const { stdout } = await promisify(execFile)(WRK, ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", url], {
    timeout: (seconds + 10) * 1000,
  });
  const units: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };
  const p99 = / 99%\s+([\d.]+)(us|ms|s)/.exec(stdout);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]), p99: Number(p99?.[1]) * (units[p99?.[2] ?? ""] ?? Number.NaN) };
}

// ---------------------------------------------------------------------------------------------

interface Outcome {
  ok: boolean;
  figures: string;
}

async function pipelining(): Promise<Outcome> {
  const server = await startServer();
  try {
    await timedGet(server.port, "/");
    const before = server.rssMB();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, server.rssMB());
    }, 100);
    const request = "GET / HTTP/1.1\r\nHost: attack\r\n\r\n";
    const burst = request.repeat(Math.ceil((64 * 1024) / request.length));
    // 700 connections that each send 64 KB of pipelined GET / and never read.
    const sockets = await connectMany(server.port, 700, burst, false);
    await sleep(1000);
    const during = await timedGet(server.port, "/", 5000);
    await sleep(2000);
    clearInterval(sampler);
    for (const socket of sockets) socket.destroy();
    await sleep(1000);
    const after = server.rssMB();
    const ok = peak < 300 && during.status === 200 && during.ms < 2000;
    return {
      ok,
      figures: `RSS ${round(before)} MB before, ${round(peak)} MB peak, ${round(after)} MB after; GET / during: ${during.status} in ${round(during.ms)} ms (want peak < 300 MB, 200 < 2 s)`,
    };
  } finally {
    await stopServer(server);
  }
}

async function connectionFlood(): Promise<Outcome> {
  const max = 500;
  const server = await startServer({ MAX_CONNECTIONS: String(max) });
  try {
    const sockets = await connectMany(server.port, 1500);
    const closing = closeTimes(sockets, 10_000);
    const health = await timedGet(server.port, "/healthz", 3000);
    const page = await timedGet(server.port, "/", 3000);
    const times = await closing;
    const after = await timedGet(server.port, "/", 3000);
    const logged = server.lines.some((line) => line.includes("connection cap reached"));
    const slowest = Math.max(...times);
    const ok = health.status === 200 && page.status === 503 && logged && slowest < 8000 && after.status === 200;
    return {
      ok,
      figures: `1,500 silent connections, MAX_CONNECTIONS=${max}: /healthz ${health.status} in ${round(health.ms)} ms, / ${page.status} (cap), cap ${logged ? "" : "not "}logged, all closed within ${(slowest / 1000).toFixed(1)} s, / afterwards ${after.status}`,
    };
  } finally {
    await stopServer(server);
  }
}

async function hostileSearch(): Promise<Outcome> {
  if (!existsSync(WRK)) return { ok: false, figures: "needs wrk (apt-get install wrk)" };
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${server.port}`;
    // The longest query the route accepts, of real words: every character a key, many terms.
    const words = readFileSync(path.join(ROOT, "content", "questions", "invoice.md"), "utf8").match(/\p{Script=Han}/gu) ?? [];
    const longest = words.slice(0, 100).join("");
    const queries = [
      ["ordinary q=发票", "发票"],
      ["100 × U+FDFA", "\uFDFA".repeat(100)],
      ["100 characters of answer text", longest],
    ] as const;
    const connections = 8;
    const seconds = 4;
    await wrk(`${base}/`, connections, 1);
    const p99s: number[] = [];
    const parts: string[] = [];
    for (const [name, query] of queries) {
      const searchUrl = `${base}/search?q=${encodeURIComponent(query)}`;
      const [page, searches] = await Promise.all([wrk(`${base}/`, connections, seconds), wrk(searchUrl, connections, seconds)]);
      p99s.push(page.p99);
      parts.push(`${name}: / p99 ${page.p99.toFixed(1)} ms, ${round(searches.rps)} searches/s`);
    }
    const [ordinary = Number.NaN, ...hostile] = p99s;
    const worst = Math.max(...hostile) / ordinary;
    return {
      ok: worst <= 2,
      figures: `${connections}+${connections} connections: ${parts.join("; ")}; worst hostile / ordinary p99 ${worst.toFixed(2)}× (want ≤ 2×)`,
    };
  } finally {
    await stopServer(server);
  }
}

async function slowloris(): Promise<Outcome> {
  const server = await startServer();
  try {
    const sockets = await connectMany(server.port, 200, "GET / HTTP/1.1\r\nHost: attack\r\n");
    // A header line every second, never the blank line that ends the head.
    const drip = setInterval(() => {
      for (const socket of sockets) if (!socket.destroyed && socket.writable) socket.write(`X-Drip-${Date.now()}: 1\r\n`);
    }, 1000);
    const times = await closeTimes(sockets, 12_000);
    clearInterval(drip);
    for (const socket of sockets) socket.destroy();
    const page = await timedGet(server.port, "/", 3000);
    const slowest = Math.max(...times);
    return {
      ok: slowest < 8000 && page.status === 200,
      figures: `200 connections dripping header lines: all closed within ${(slowest / 1000).toFixed(1)} s (want < 8 s), / meanwhile ${page.status}`,
    };
  } finally {
    await stopServer(server);
  }
}

async function slowBody(): Promise<Outcome> {
  const server = await startServer();
  try {
    const answers: string[] = [];
    const sockets: net.Socket[] = [];
    for (let i = 0; i < 50; i++) {
      const socket = await connect(server.port, "POST / HTTP/1.1\r\nHost: attack\r\nContent-Length: 100000\r\n\r\na");
      let answer = "";
      socket.on("data", (chunk) => {
        answer += chunk;
      });
      socket.once("close", () => answers.push(answer));
      sockets.push(socket);
    }
    const drip = setInterval(() => {
      for (const socket of sockets) if (!socket.destroyed && socket.writable) socket.write("a");
    }, 1000);
    const times = await closeTimes(sockets, 12_000);
    clearInterval(drip);
    for (const socket of sockets) socket.destroy();
    const slowest = Math.max(...times);
    const answered = answers.filter((answer) => answer.startsWith("HTTP/1.1 405")).length;
    return {
      ok: slowest < 3000 && answered === sockets.length,
      figures: `50 POST bodies at a byte a second: ${answered} answered 405, all closed within ${(slowest / 1000).toFixed(1)} s (want < 3 s)`,
    };
  } finally {
    await stopServer(server);
  }
}

async function sigtermUnderLoad(): Promise<Outcome> {
  const server = await startServer();
  let failed = 0;
  let answered = 0;
  let stopping = false;
  // 32 keep-alive clients, each sending its next request as soon as the last answer arrives,
  // and leaving (as a balancer does) when an answer says Connection: close.
  const clients = Array.from({ length: 32 }, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (;;) {
      const answer = await timedGet(server.port, "/", 5000, agent);
      if (answer.status !== 200) {
        failed += 1;
        break;
      }
      answered += 1;
      if (answer.close && stopping) break;
    }
    agent.destroy();
  });
  await sleep(2000);
  const exited = new Promise<number | string>((resolve) => server.child.once("exit", (code, signal) => resolve(code ?? signal ?? "")));
  const signalledAt = performance.now();
  stopping = true;
  server.child.kill("SIGTERM");
  await Promise.all(clients);
  const code = await Promise.race([exited, sleep(15_000).then(() => "still running")]);
  const exitMs = performance.now() - signalledAt;
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
  return {
    ok: failed === 0 && code === 0 && exitMs < 3000,
    figures: `32 keep-alive clients, SIGTERM after 2 s: ${answered} answered, ${failed} failed, exit code ${code} after ${(exitMs / 1000).toFixed(1)} s`,
  };
}

const ONLY = process.argv.slice(2);

const PROBES: ReadonlyArray<readonly [string, () => Promise<Outcome>]> = [
  ["pipelining, never reading", pipelining],
  ["idle-connection flood", connectionFlood],
  ["hostile search beside wrk on /", hostileSearch],
  ["slowloris", slowloris],
  ["slow body", slowBody],
  ["SIGTERM under keep-alive load", sigtermUnderLoad],
];

async function main(): Promise<void> {
  const began = performance.now();
  // `npm run attack -- pipelining slow` runs the probes whose names contain either word.
  const chosen = PROBES.filter(([name]) => ONLY.length === 0 || ONLY.some((word) => name.includes(word)));
  console.log(
    `npm run attack: ${chosen.length} probes against dist/server.js on 127.0.0.1; load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  let passed = 0;
  for (const [name, probe] of chosen) {
    const probeBegan = performance.now();
    let outcome: Outcome;
    try {
      outcome = await Promise.race([
        probe(),
        sleep(PROBE_LIMIT_MS).then(() => ({ ok: false, figures: `did not finish within ${PROBE_LIMIT_MS / 1000} s` })),
      ]);
    } catch (error) {
      outcome = { ok: false, figures: `error: ${(error as Error).message}` };
    }
    if (outcome.ok) passed += 1;
    const seconds = ((performance.now() - probeBegan) / 1000).toFixed(1);
    console.log(`${outcome.ok ? "PASS" : "FAIL"} ${name} (${seconds} s): ${outcome.figures}`);
  }
  console.log(
    `${passed} passed, ${chosen.length - passed} failed in ${((performance.now() - began) / 1000).toFixed(0)} s; load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  process.exit(passed === chosen.length ? 0 : 1);
}

await main();
