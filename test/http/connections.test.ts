// The per-connection bound on pipelined requests (src/http/connections.ts) over a plain
// node:http server: how many requests Node makes out of one read before the guard stops it.
// This is what held memory at attack scale (npm run attack -- pipelining); counting here shows
// it without a child process, and fails if a Node upgrade changes the internals it relies on.
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { guardConnections } from "../../src/http/connections.js";
import { createLog } from "../../src/log.js";
import { captureLog } from "../helpers.js";

const LIMITS = { maxConnections: 100, reserve: 4, maxPipelined: 16, firstRequestMs: 5000, overflowMs: 1000, drainIdleMs: 500 };

let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

async function guarded() {
  const log = captureLog();
  const counts = { requests: 0, served: 0 };
  server = http.createServer();
  const guard = guardConnections(server, LIMITS, createLog("warn", log.destination));
  server.on("request", (req, res) => {
    counts.requests += 1;
    if (guard.admit(req, res, false) !== "serve") return;
    counts.served += 1;
    res.end("x".repeat(20_000));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, counts, lines: log.lines, guard };
}

/** Sends `data` and never reads; resolves when the server closes the connection or after `ms`. */
function sendWithoutReading(port: number, data: string, ms: number) {
  return new Promise<void>((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(data));
    socket.pause();
    socket.on("error", () => {});
    socket.once("close", () => resolve());
    setTimeout(() => {
      socket.destroy();
      resolve();
    }, ms);
  });
}

describe("a connection that pipelines without reading", () => {
  it("makes Node parse no more than the bound plus one of the two thousand requests in a 64 KB read", async () => {
    const { port, counts, lines, guard } = await guarded();
    const request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    const burst = request.repeat(Math.ceil((64 * 1024) / request.length));
    await sendWithoutReading(port, burst, 1000);
    expect(counts.requests).toBeLessThanOrEqual(LIMITS.maxPipelined + 1);
    expect(counts.served).toBe(LIMITS.maxPipelined);
    expect(guard.open).toBe(0);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, msg: "connections closed: too many pipelined requests left unread" }),
    );
  });

  it("leaves a client that pipelines a few requests and reads them answered in full", async () => {
    const { port, counts } = await guarded();
    const body = await new Promise<string>((resolve) => {
      let received = "";
      const socket = net.connect(port, "127.0.0.1", () => socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".repeat(4)));
      socket.setEncoding("latin1");
      socket.on("data", (chunk: string) => {
        received += chunk;
        if (received.split("HTTP/1.1 200").length === 5 && received.endsWith("x".repeat(100))) socket.end();
      });
      socket.on("close", () => resolve(received));
    });
    expect(counts.served).toBe(4);
    expect(body.split("HTTP/1.1 200 OK").length - 1).toBe(4);
  });
});
