import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeServer } from "../helpers.js";

describe("/healthz and /readyz", () => {
  it("report alive and ready, never cached", async () => {
    const { handle } = makeServer();
    const live = await request(handle).get("/healthz");
    expect([live.status, live.text, live.headers["cache-control"]]).toEqual([200, "ok\n", "no-store"]);
    const ready = await request(handle).get("/readyz");
    expect([ready.status, ready.text]).toEqual([200, "ready\n"]);
  });

  it("readiness turns false once shutting down, while liveness and pages still answer", async () => {
    const server = makeServer();
    server.lifecycle.draining = true;
    const ready = await request(server.handle).get("/readyz");
    expect([ready.status, ready.text]).toEqual([503, "shutting down\n"]);
    expect((await request(server.handle).get("/healthz")).status).toBe(200);
    const page = await request(server.handle).get("/");
    expect(page.status).toBe(200);
    // Each response now closes its connection, so keep-alive clients go to another instance.
    expect(page.headers.connection).toBe("close");
    expect((await request(server.handle).get("/nope")).headers.connection).toBe("close");
  });
});
