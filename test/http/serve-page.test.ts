// Prepared pages are answered by servePage in front of Express: every prepared URL, every
// encoding, 304 for the representation sent, and the same security headers as Express's answers.
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo, connect } from "node:net";
import request from "supertest";
import { describe, expect, it } from "vitest";

import { pageServer } from "../../src/http/serve-page.js";
import { makeServer, makeSite } from "../helpers.js";

const server = makeServer();
const paths = [...server.pages.keys()];

// Anything servePage declines gets 599 here, so the test sees which side answered.
const servePage = pageServer(server.pages, server.schemes);
const probe = (req: IncomingMessage, res: ServerResponse) => {
  if (!servePage(req, res)) res.writeHead(599).end();
};

describe("servePage", () => {
  it("answers GET and HEAD for every prepared URL, with or without a query string", async () => {
    for (const path of paths) {
      expect((await request(probe).get(path)).status).toBe(200);
      const head = await request(probe).head(path);
      expect(head.status).toBe(200);
      expect(head.headers["content-length"]).toBe(String(server.pages.get(path)?.body.length));
    }
    expect((await request(probe).get("/questions/invoice?utm_source=wechat")).status).toBe(200);
  });

  it("leaves everything else to Express: other methods, other paths, trailing slashes, overlong URLs", async () => {
    expect((await request(probe).post("/")).status).toBe(599);
    expect((await request(probe).delete(paths[0] as string)).status).toBe(599);
    expect((await request(probe).get("/questions/nope")).status).toBe(599);
    expect((await request(probe).get(`${paths.find((path) => path.startsWith("/questions/"))}/`)).status).toBe(599);
    expect((await request(probe).get(`/?${"a".repeat(3000)}`)).status).toBe(599);
  });

  it("sends the encoding asked for, and 304 only for the ETag of the representation being sent", async () => {
    const br = await request(probe).get("/").set("Accept-Encoding", "br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toBe("Accept-Encoding, Cookie");
    const again = await request(probe).get("/").set({ "Accept-Encoding": "br", "If-None-Match": br.headers.etag });
    expect(again.status).toBe(304);
    expect(again.headers["content-length"]).toBeUndefined();
    expect(again.headers["content-encoding"]).toBeUndefined();
    expect(again.headers.etag).toBe(br.headers.etag);
    expect(again.headers["content-security-policy"]).toBeDefined();
    const gzip = await request(probe).get("/").set({ "Accept-Encoding": "gzip", "If-None-Match": br.headers.etag });
    expect(gzip.status).toBe(200);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
  });
});

describe("security headers", () => {
  const expected = Object.fromEntries(makeSite().security.map(([name, value]) => [name.toLowerCase(), value]));
  const carried = (headers: Record<string, string>) => Object.fromEntries(Object.keys(expected).map((name) => [name, headers[name]]));

  it("are the same on prepared pages, error pages, search results, redirects and health probes", async () => {
    const answers = await Promise.all(
      ["/", paths.find((path) => path.startsWith("/assets/")) as string, "/nope", "/search?q=发票", "/search.json?q=fp", "/healthz"].map(
        (path) => request(server.handle).get(path),
      ),
    );
    answers.push(await request(server.handle).post("/"));
    answers.push(await request(server.handle).get(`${paths.find((path) => path.startsWith("/questions/"))}/`));
    expect(answers.map((res) => res.status)).toEqual([200, 200, 404, 200, 200, 200, 405, 301]);
    for (const res of answers) expect(carried(res.headers)).toEqual(expected);
    expect(answers.every((res) => res.headers["x-powered-by"] === undefined)).toBe(true);
  });
});

describe("the request target's forms", () => {
  // Raw request lines: supertest always sends the origin form (/path).
  async function raw(method: string, target: string): Promise<{ status: number; body: string }> {
    const { handle } = await makeServer();
    const server = createServer(handle).listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
      socket.end(`${method} ${target} HTTP/1.1\r\nHost: isp-faq.example.com\r\nConnection: close\r\n\r\n`);
      const answer = Buffer.concat(await socket.toArray()).toString("utf8");
      return { status: Number(answer.slice(9, 12)), body: answer.slice(answer.indexOf("\r\n\r\n") + 4) };
    } finally {
      server.close();
    }
  }

  it("answers a page asked for in absolute form, as a proxy may send it, the same as in origin form", async () => {
    const question = [...(await makeSite()).site.questions][0]?.url as string;
    const origin = await raw("GET", question);
    expect(origin.status).toBe(200);
    for (const target of [`http://isp-faq.example.com${question}`, `HTTP://isp-faq.example.com${question}?from=chat`]) {
      expect(await raw("GET", target), target).toEqual(origin);
    }
    expect((await raw("HEAD", `http://isp-faq.example.com${question}`)).status).toBe(200);
    expect((await raw("GET", "http://isp-faq.example.com")).status).toBe(200);
  });

  it("reads a path up to a fragment a client left in it, as Express does", async () => {
    expect((await raw("GET", "/all#part")).status).toBe(200);
    expect((await raw("GET", "/all#?x")).status).toBe(200);
  });
});
