// The fast path answers prepared pages before Express; the Express path must answer them
// identically (headers and bytes), and the fast path must really be the one answering.
import type { IncomingMessage, ServerResponse } from "node:http";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { fastPath } from "../../src/http/fast-path.js";
import { helmetHeaders } from "../../src/http/security-headers.js";
import { makeServer } from "../helpers.js";

const server = makeServer();
const paths = [...server.pages.keys()];
const ENCODINGS = [undefined, "gzip", "br", "gzip, deflate, br, zstd", "br;q=0, gzip", "identity;q=0"];

/** Everything that can differ between two answers, header order and case included, less Date, which is the clock's. */
async function answer(target: Parameters<typeof request>[0], method: "get" | "head", path: string, headers: Record<string, string>) {
  const res = await request(target)
    [method](path)
    .set(headers)
    .buffer(true)
    .parse((res, done) => {
      // Raw bytes, not decoded: the encodings themselves are compared.
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });
  const raw: string[] = (res as unknown as { res: { rawHeaders: string[] } }).res.rawHeaders;
  const sent = raw.flatMap((name, i) => (i % 2 === 0 && name !== "Date" ? [`${name}: ${raw[i + 1]}`] : []));
  return { status: res.status, headers: sent, etag: res.headers.etag as string, body: (res.body as Buffer).toString("base64") };
}

describe("fast path and Express path", () => {
  it.each(paths)("answer %s the same for every encoding, method and revalidation", async (path) => {
    for (const encoding of ENCODINGS) {
      const headers: Record<string, string> = encoding === undefined ? {} : { "Accept-Encoding": encoding };
      for (const method of ["get", "head"] as const) {
        const fast = await answer(server.handle, method, path, headers);
        expect(fast).toEqual(await answer(server.app, method, path, headers));
        expect(fast.status).toBe(200);
        const revalidate = { ...headers, "If-None-Match": fast.etag };
        const notModified = await answer(server.handle, method, path, revalidate);
        expect(notModified).toEqual(await answer(server.app, method, path, revalidate));
        expect(notModified.status).toBe(304);
      }
    }
  });

  it("carries exactly helmet's security headers on a fast answer", async () => {
    const res = await request(server.handle).get("/");
    for (const [name, value] of helmetHeaders()) expect(res.headers[name.toLowerCase()]).toBe(value);
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });
});

describe("fastPath", () => {
  // Anything the fast path declines gets 599 here, so the test sees which side answered.
  const only = fastPath(server.pages, helmetHeaders());
  const probe = (req: IncomingMessage, res: ServerResponse) => {
    if (!only(req, res)) res.writeHead(599).end();
  };

  it("answers GET and HEAD for every prepared URL, with or without a query string", async () => {
    for (const path of paths) {
      expect((await request(probe).get(path)).status).toBe(200);
      expect((await request(probe).head(path)).status).toBe(200);
    }
    expect((await request(probe).get("/questions/invoice?utm_source=wechat")).status).toBe(200);
  });

  it("leaves everything else to Express: other methods, other paths, trailing slashes, overlong URLs", async () => {
    expect((await request(probe).post("/")).status).toBe(599);
    expect((await request(probe).delete("/questions/invoice")).status).toBe(599);
    expect((await request(probe).get("/questions/nope")).status).toBe(599);
    expect((await request(probe).get("/questions/invoice/")).status).toBe(599);
    expect((await request(probe).get(`/?${"a".repeat(3000)}`)).status).toBe(599);
  });

  it("sends 304 only for the ETag of the representation being sent", async () => {
    const br = await request(probe).get("/").set("Accept-Encoding", "br");
    const again = await request(probe).get("/").set({ "Accept-Encoding": "br", "If-None-Match": br.headers.etag });
    expect(again.status).toBe(304);
    expect(again.headers["content-length"]).toBeUndefined();
    expect(again.headers["content-encoding"]).toBeUndefined();
    expect(again.headers.etag).toBe(br.headers.etag);
    const gzip = await request(probe).get("/").set({ "Accept-Encoding": "gzip", "If-None-Match": br.headers.etag });
    expect(gzip.status).toBe(200);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
  });
});

describe("helmetHeaders", () => {
  it("refuses headers that change per request, which could not be prepared", async () => {
    const { default: helmet } = await import("helmet");
    const withNonce = helmet({ contentSecurityPolicy: { directives: { scriptSrc: [() => `'nonce-${Math.random()}'`] } } });
    expect(() => helmetHeaders(withNonce)).toThrow("helmet's headers differ between requests; they cannot be prepared");
  });
});
