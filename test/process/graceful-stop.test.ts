// SIGTERM and SIGINT against the real entry point in a child process: it stops accepting,
// finishes the request in flight, closes idle keep-alive connections and exits 0, promptly.
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type Child, spawnEntry } from "./spawn.js";

let child: Child | undefined;
afterEach(() => {
  if (child?.process.exitCode === null) child.process.kill("SIGKILL");
});

function get(port: number, path: string, agent: http.Agent) {
  return new Promise<{ res: http.IncomingMessage; socket: import("node:net").Socket }>((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent }, (res) => resolve({ res, socket: res.socket }));
    req.on("error", reject);
  });
}

function readAll(res: http.IncomingMessage) {
  return new Promise<string>((resolve, reject) => {
    let text = "";
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      text += chunk;
    });
    res.on("end", () => resolve(text));
    res.on("error", reject);
  });
}

describe.each(["SIGTERM", "SIGINT"] as const)("on %s", (signal) => {
  it("finishes the slow request in flight, closes idle connections, refuses new ones and exits 0", async () => {
    child = spawnEntry("test/process/slow-server.ts", { PORT: "0", LOG_LEVEL: "info" });
    const port = Number(/"address":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(await child.waitFor(/"msg":"listening"/))?.[1]);

    // An idle keep-alive connection, left open after one request.
    const idleAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await get(port, "/", idleAgent);
    await readAll(first.res);
    const idleClosed = new Promise<number>((resolve) => first.socket.once("close", () => resolve(Date.now())));

    // A request in flight: its first line has arrived, the rest comes 1.5 s later.
    const slowAgent = new http.Agent({ keepAlive: true });
    const { res: slow } = await get(port, "/__test/slow?ms=1500", slowAgent);
    const body = readAll(slow);

    const signalledAt = Date.now();
    child.process.kill(signal);
    await child.waitFor(/shutting down/);

    // The listener is closed: a new connection is refused.
    await expect(get(port, "/", new http.Agent())).rejects.toMatchObject({ code: "ECONNREFUSED" });
    // The idle connection is closed at once, not after the keep-alive timeout.
    expect((await idleClosed) - signalledAt).toBeLessThan(1000);
    // The request in flight completes in full.
    expect(slow.statusCode).toBe(200);
    expect(await body).toBe("started\nfinished\n");
    const finishedAt = Date.now();

    expect(await child.exited).toBe(0);
    expect(Date.now() - finishedAt).toBeLessThan(1000);
    // Every line written, in order: the first request, the signal, the stop (the slow route is
    // the test's own, outside the app, so it has no access line).
    const log = child.lines.map((line) => JSON.parse(line) as { msg: string; path?: string; status?: number; forced?: boolean });
    expect(log.slice(-3).map(({ msg, path, status }) => ({ msg, path, status }))).toEqual([
      { msg: "request", path: "/", status: 200 },
      { msg: "shutting down: no new connections, finishing requests in flight", path: undefined, status: undefined },
      { msg: "stopped", path: undefined, status: undefined },
    ]);
    expect(log.at(-1)?.forced).toBe(false);
    idleAgent.destroy();
    slowAgent.destroy();
  }, 30_000);
});
