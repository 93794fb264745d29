// One JSON line per request, the same for fast and Express answers; errors logged with the
// request id and the stack, which never reaches the response.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import request from "supertest";
import { describe, expect, it, vi } from "vitest";
import { createLog } from "../../src/log.js";
import { makeServer } from "../helpers.js";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, log: createLog("info", stream) };
}

/** A response still open when the handler returns is logged when it closes, just after supertest sees the end. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("access log", () => {
  it("writes method, path, status, duration and request id for fast and Express answers alike", async () => {
    const { lines, log } = capture();
    const { handle } = makeServer(undefined, { log });
    await request(handle).get("/questions/invoice?from=wechat");
    await request(handle).post("/");
    await request(handle).get("/nope");
    await settle();
    expect(lines.map(({ method, path, status, msg }) => ({ method, path, status, msg }))).toEqual([
      { method: "GET", path: "/questions/invoice", status: 200, msg: "request" },
      { method: "POST", path: "/", status: 405, msg: "request" },
      { method: "GET", path: "/nope", status: 404, msg: "request" },
    ]);
    for (const line of lines) {
      expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(line.durationMs).toBeTypeOf("number");
      expect(line.level).toBe(30);
    }
    expect(new Set(lines.map((line) => line.reqId)).size).toBe(3);
  });

  it("keeps a balancer's X-Request-Id when it is a plain token, and replaces anything else", async () => {
    const { lines, log } = capture();
    const { handle } = makeServer(undefined, { log });
    await request(handle).get("/").set("X-Request-Id", "lb-7f3a.42");
    await request(handle).get("/").set("X-Request-Id", 'x", "level": 60');
    await request(handle).get("/").set("X-Request-Id", "a".repeat(200));
    await settle();
    expect(lines.map((line) => line.reqId)).toEqual([
      "lb-7f3a.42",
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    ]);
  });

  it("logs a response that ends later once it is sent, with its whole duration", async () => {
    const { lines, log } = capture();
    const { handle } = makeServer(undefined, {
      log,
      testRoutes: (app) => app.get("/__test/slow", (_req, res) => void setTimeout(() => res.send("done"), 60)),
    });
    await request(handle).get("/__test/slow");
    await settle();
    expect(lines).toMatchObject([{ level: 30, msg: "request", path: "/__test/slow", status: 200 }]);
    expect(lines[0]?.durationMs).toBeGreaterThanOrEqual(50);
  });

  it("logs a request whose client went away before the answer as aborted", async () => {
    const { lines, log } = capture();
    const { handle } = makeServer(undefined, {
      log,
      testRoutes: (app) => app.get("/__test/never", () => {}),
    });
    const server = http.createServer(handle).listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const client = http.get({ host: "127.0.0.1", port, path: "/__test/never" }).on("error", () => {});
    await once(client, "socket");
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.destroy();
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    server.close();
    expect(lines[0]).toMatchObject({ level: 40, aborted: true, path: "/__test/never" });
  });

  it("leaves out health probes", async () => {
    const { lines, log } = capture();
    const { handle } = makeServer(undefined, { log });
    await request(handle).get("/healthz");
    await request(handle).get("/readyz");
    await settle();
    expect(lines).toEqual([]);
  });

  it("logs an unexpected error with its stack and request id, and the reader sees only the 500 page", async () => {
    const { lines, log } = capture();
    const { handle } = makeServer(undefined, {
      log,
      testRoutes: (app) =>
        app.get("/__test/throw", () => {
          throw new Error("database on fire");
        }),
    });
    const res = await request(handle).get("/__test/throw");
    await settle();
    expect(res.status).toBe(500);
    expect(res.text).not.toContain("database on fire");
    const [error, access] = lines;
    expect(error).toMatchObject({ level: 50, msg: "unexpected error", method: "GET", path: "/__test/throw" });
    expect(String((error?.err as { stack?: string } | undefined)?.stack)).toContain("database on fire");
    expect(access).toMatchObject({ level: 50, msg: "request failed", status: 500, reqId: error?.reqId });
  });

  it("writes nothing at level silent, as in the other tests", async () => {
    const lines: string[] = [];
    const log = createLog(
      "silent",
      new Writable({
        write: (chunk, _encoding, done) => {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    await request(makeServer(undefined, { log }).handle).get("/");
    await settle();
    expect(lines).toEqual([]);
  });
});
