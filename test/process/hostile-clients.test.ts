// Clients that try to take the real server down (src/server.ts in a child process): pipelining
// without reading, more connections than the cap, silent connections, and keep-alive traffic
// through a deploy's SIGTERM. Each bound in src/http/connections.ts and start.ts, shown here.
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type Child, spawnEntry } from "./spawn.js";

let child: Child | undefined;
afterEach(() => {
  if (child?.process.exitCode === null) child.process.kill("SIGKILL");
});

async function start(env: Record<string, string> = {}): Promise<number> {
  child = spawnEntry("src/server.ts", { PORT: "0", LOG_LEVEL: "info", ...env });
  return Number(/"address":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(await child.waitFor(/"msg":"listening"/, 45_000))?.[1]);
}

const rssMB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function get(port: number, path: string, agent: http.Agent | false = false) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** Connects and sends nothing more than `data`; resolves once connected. */
function openSocket(port: number, data?: string) {
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      if (data !== undefined) socket.write(data);
      resolve(socket);
    });
    socket.on("error", () => socket.destroy());
    socket.once("error", reject);
  });
}

describe("a client that pipelines requests and never reads the answers", () => {
  it("is cut off after a bounded number of answers, so memory stays flat and others are answered", async () => {
    const port = await start();
    const pid = child?.process.pid as number;
    await get(port, "/");
    const before = rssMB(pid);
    // 20 connections × 256 KB of GET / is about 190,000 requests; unbounded, each waiting
    // answer held its request and response objects (hundreds of MB here, GB at scale).
    const request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    const burst = request.repeat(Math.ceil((256 * 1024) / request.length));
    const sockets = await Promise.all(Array.from({ length: 20 }, () => openSocket(port, burst)));
    for (const socket of sockets) socket.pause();
    await sleep(1500);
    const during = rssMB(pid);
    expect((await get(port, "/healthz")).status).toBe(200);
    expect((await get(port, "/")).status).toBe(200);
    expect(during - before).toBeLessThan(40);
    await child?.waitFor(/too many pipelined requests left unread/);
    for (const socket of sockets) socket.destroy();
  }, 90_000);
});

describe("more connections than MAX_CONNECTIONS", () => {
  it("keeps /healthz answered, answers pages with 503, logs the cap and closes silent connections within seconds", async () => {
    const port = await start({ MAX_CONNECTIONS: "10" });
    // Far more silent connections than the cap and its reserve for probes together.
    const silent = await Promise.all(Array.from({ length: 120 }, () => openSocket(port)));
    const closedAt: number[] = [];
    const openedAt = Date.now();
    for (const socket of silent) socket.once("close", () => closedAt.push(Date.now() - openedAt));

    expect((await get(port, "/healthz")).status).toBe(200);
    const page = await get(port, "/");
    expect(page.status).toBe(503);
    expect(page.headers.connection).toBe("close");
    expect(page.body).toContain("服务器繁忙");
    expect(JSON.parse(await (child as Child).waitFor(/connection cap reached/))).toMatchObject({ level: 40, maxConnections: 10 });

    // None that never sent a request head outlives the header timeout (5 s) by much.
    await sleep(7500);
    expect(closedAt.length).toBe(silent.length);
    expect(Math.max(...closedAt)).toBeLessThan(7500);
    // With the silent ones gone, pages are served again.
    expect((await get(port, "/")).status).toBe(200);
  }, 90_000);
});

describe("SIGTERM during a deploy", () => {
  it("answers every request keep-alive clients send, with Connection: close, and exits 0", async () => {
    const port = await start();
    let failed = 0;
    let answered = 0;
    let closedByServer = 0;
    let afterSignal = 0;
    let signalled = false;
    // Eight clients each sending its next request the moment the last answer arrives, as a
    // balancer's pooled connections do; a client stops when told the connection will close.
    const clients = Array.from({ length: 8 }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (;;) {
        try {
          const res = await get(port, "/", agent);
          if (res.status !== 200) failed += 1;
          answered += 1;
          if (signalled) afterSignal += 1;
          if (res.headers.connection === "close") {
            closedByServer += 1;
            break;
          }
        } catch {
          failed += 1;
          break;
        }
      }
      agent.destroy();
    });
    await sleep(1000);
    signalled = true;
    child?.process.kill("SIGTERM");
    await Promise.all(clients);
    expect(failed).toBe(0);
    expect(closedByServer).toBe(8);
    expect(answered).toBeGreaterThan(8);
    expect(afterSignal).toBeGreaterThanOrEqual(8);
    expect(await child?.exited).toBe(0);
  }, 90_000);

  it("does not wait the whole grace period for a client that sent only part of a request", async () => {
    const port = await start();
    const partial = await openSocket(port, "GET / HTTP/1.1\r\nHost: x\r\n");
    const signalledAt = Date.now();
    child?.process.kill("SIGTERM");
    expect(await child?.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(3000);
    partial.destroy();
  }, 90_000);
});
