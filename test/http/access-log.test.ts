// One JSON line per request, each at its own level: info for an answer, error for a 5xx, warn
// for a client that left first. Errors are logged with the request id and the stack, which
// never reaches the response.
import { once } from "node:events";
import http, { type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { LevelWithSilent } from "pino";
import request from "supertest";
import { describe, expect, it, vi } from "vitest";
import { accessLog } from "../../src/http/access-log.js";
import { errorHandler } from "../../src/http/errors.js";
import { createLog } from "../../src/log.js";
import { captureLog, makeServer, makeSite } from "../helpers.js";

/**
 * The access log and error handler around one route of a test's own: how createApp uses them,
 * with a route that the site itself does not have (a slow one, one that throws).
 */
function aroundRoute(level: LevelWithSilent, route: (app: express.Express) => void) {
  const { lines, destination } = captureLog();
  const logger = createLog(level, destination);
  const log = accessLog(logger);
  const app = express();
  route(app);
  const { errors, schemes } = makeSite();
  app.use(errorHandler(errors, schemes, logger));
  const handle: RequestListener = (req, res) => {
    const began = log.begin(req);
    app(req, res);
    log.finish(req, res, began);
  };
  return { lines, handle };
}

/** A response still open when the handler returns is logged when it closes, just after supertest sees the end. */
const settle = () => new Promise((resolve) => setImmediate(resolve));
const question = [...makeSite().pages.keys()].find((path) => path.startsWith("/questions/")) as string;

describe("access log", () => {
  it("writes method, path, status, duration and request id for pages and Express answers alike", async () => {
    const { lines, destination } = captureLog();
    const { handle } = makeServer(undefined, { destination });
    await request(handle).get(`${question}?from=wechat`);
    await request(handle).post("/");
    await request(handle).get("/nope");
    await settle();
    expect(lines.map(({ method, path, status, msg }) => ({ method, path, status, msg }))).toEqual([
      { method: "GET", path: question, status: 200, msg: "request" },
      { method: "POST", path: "/", status: 405, msg: "request" },
      { method: "GET", path: "/nope", status: 404, msg: "request" },
    ]);
    for (const line of lines) {
      expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(line.durationMs).toBeTypeOf("number");
      expect(line.level).toBe(30);
      expect(line.pid).toBe(process.pid);
    }
    expect(new Set(lines.map((line) => line.reqId)).size).toBe(3);
  });

  it("ignores X-Request-Id from a client that is not a configured proxy (TRUST_PROXY unset)", async () => {
    const { lines, destination } = captureLog();
    const { handle } = makeServer(undefined, { destination });
    await request(handle).get("/").set("X-Request-Id", "chosen-by-the-client");
    await settle();
    expect(lines.map((line) => line.reqId)).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  });

  it("keeps a trusted balancer's X-Request-Id when it is a plain token, and replaces anything else", async () => {
    const { lines, destination } = captureLog();
    // supertest connects over loopback: the balancer here is 127.0.0.1.
    const { handle } = makeServer(undefined, { destination }, { trustProxy: ["127.0.0.0/8", "::1"] });
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
    const { lines, handle } = aroundRoute("info", (app) => app.get("/slow", (_req, res) => void setTimeout(() => res.send("done"), 60)));
    await request(handle).get("/slow");
    await settle();
    expect(lines).toMatchObject([{ level: 30, msg: "request", path: "/slow", status: 200 }]);
    expect(lines[0]?.durationMs).toBeGreaterThanOrEqual(50);
  });

  it.each(["info", "warn"] as const)("at %s, logs a request whose client went away before the answer as aborted", async (level) => {
    const { lines, handle } = aroundRoute(level, (app) => app.get("/never", () => {}));
    const server = http.createServer(handle).listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const client = http.get({ host: "127.0.0.1", port, path: "/never" }).on("error", () => {});
    await once(client, "socket");
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.destroy();
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    server.close();
    expect(lines[0]).toMatchObject({ level: 40, aborted: true, path: "/never" });
  });

  it("leaves out health probes", async () => {
    const { lines, destination } = captureLog();
    const { handle } = makeServer(undefined, { destination });
    await request(handle).get("/healthz");
    await request(handle).get("/readyz");
    await settle();
    expect(lines).toEqual([]);
  });

  it.each(["info", "warn", "error"] as const)(
    "at %s, logs an unexpected error with its stack and request id, and the failed request; the reader sees only the 500 page",
    async (level) => {
      const { lines, handle } = aroundRoute(level, (app) =>
        app.get("/throw", () => {
          throw new Error("database on fire");
        }),
      );
      const res = await request(handle).get("/throw");
      await settle();
      expect(res.status).toBe(500);
      expect(res.text).not.toContain("database on fire");
      expect(res.text).toContain("服务器出错了");
      const [error, access] = lines;
      expect(error).toMatchObject({ level: 50, msg: "unexpected error", method: "GET", path: "/throw" });
      expect(String((error?.err as { stack?: string } | undefined)?.stack)).toContain("database on fire");
      expect(access).toMatchObject({ level: 50, msg: "request failed", status: 500, reqId: error?.reqId });
      expect(lines).toHaveLength(2);
    },
  );

  it("writes no request lines at warn, and nothing at all at silent", async () => {
    for (const level of ["warn", "silent"] as const) {
      const { lines, destination } = captureLog();
      const { handle } = makeServer(undefined, { destination, level });
      await request(handle).get("/");
      await request(handle).get("/nope");
      await settle();
      expect(lines).toEqual([]);
    }
  });
});
