import http from "node:http";
import net, { type AddressInfo } from "node:net";
import * as cheerio from "cheerio";
import request from "supertest";
import { describe, expect, it, vi } from "vitest";
import { type HeaderList, securityHeaders } from "../../src/http/security-headers.js";
import { captureLog, makeApp, makeServer } from "../helpers.js";
import { rawRequest } from "../raw-http.js";
import { contentFolders, firstPageUrl, firstQuestionUrl } from "./content-folders.js";

const app = makeApp();
/** Pages that exist, for tests of how a request is served rather than of what a page says. */
const question = firstQuestionUrl();
const legal = firstPageUrl();

function expectErrorPage(text: string, heading: string) {
  const $ = cheerio.load(text);
  expect($("html").attr("lang")).toBe("zh-CN");
  expect($("h1").text()).toBe(heading);
  expect($('main a[href="/"]').length).toBeGreaterThan(0);
  expect($('meta[name="robots"]').attr("content")).toBe("noindex");
  expect(text).not.toMatch(/Error:|at \w+ \(|node_modules|\/src\//);
}

describe.each(contentFolders())("unknown paths over $name", ({ dir, site }) => {
  const app = makeApp(dir);
  it.each([
    "/nope",
    "/questions/nope",
    question.replace(/[^/]+$/, (slug) => slug.toUpperCase()),
    "/questions/",
    "/questions/发票",
    "/assets/style.css",
  ])("%s is a 404 page in Chinese that links to every question", async (url) => {
    const res = await request(app).get(encodeURI(url));
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expectErrorPage(res.text, "找不到这个页面");
    const $ = cheerio.load(res.text);
    expect(
      $("main a[href^='/questions/']")
        .toArray()
        .map((a) => $(a).attr("href")),
    ).toEqual(site.questions.map((q) => q.url));
  });
});

describe("malformed and hostile URLs", () => {
  it.each(["/questions/%E0%A4%A", "/%", `${question}%ZZ`])("malformed percent-encoding %s is a 400", async (url) => {
    const res = await rawRequest(app, url);
    expect(res.status).toBe(400);
    expectErrorPage(res.body, "请求无法处理");
  });

  it("a path of thousands of characters is a 414, not a 5xx", async () => {
    const res = await rawRequest(app, `/questions/${"a".repeat(5000)}`);
    expect(res.status).toBe(414);
    expectErrorPage(res.body, "网址过长");
  });

  it("a path longer than Node accepts in a request line is still a 4xx", async () => {
    const res = await rawRequest(app, `/${"a".repeat(20000)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it.each([
    "/../package.json",
    "/assets/../package.json",
    "/assets/../../etc/passwd",
    "/%2e%2e/package.json",
    "/assets/%2e%2e/%2e%2e/package.json",
    "/assets/..%2fpackage.json",
    "/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/questions/..%2f..%2fcontent%2fsite.yml",
    "/questions/%252e%252e%252fsite.yml",
    "/..\\..\\package.json",
    `${question}%00.md`,
  ])("path traversal %s is a 4xx and reveals no file", async (url) => {
    const res = await rawRequest(app, url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain('"name": "isp-licence-faq"');
    // /etc/passwd's first line; the page's own CSS has ":root:not(…)" in it.
    expect(res.body).not.toMatch(/^root:[^:\n]*:0:0:/m);
    expect(res.body).not.toContain("documentVersion");
  });
});

describe("methods", () => {
  it.each(["POST", "PUT", "DELETE", "PATCH"])("%s on a page is a 405 with Allow", async (method) => {
    for (const url of ["/", question, legal, "/sitemap.xml"]) {
      const res = await request(app)[method.toLowerCase() as "post"](url);
      expect(res.status, `${method} ${url}`).toBe(405);
      expect(res.headers.allow).toBe("GET, HEAD");
      expectErrorPage(res.text, "不支持此操作");
    }
  });

  it("HEAD works wherever GET does, with the same headers and no body", async () => {
    const css =
      cheerio
        .load((await request(app).get("/")).text)('link[rel="icon"]')
        .attr("href") ?? "";
    for (const url of ["/", question, legal, "/sitemap.xml", "/robots.txt", css, "/nope"]) {
      // The same Accept-Encoding on both: superagent asks for gzip on GET only.
      for (const encoding of ["identity", "gzip", "br"]) {
        const get = await request(app).get(url).set("Accept-Encoding", encoding);
        const head = await request(app).head(url).set("Accept-Encoding", encoding);
        expect(head.status, url).toBe(get.status);
        expect(head.headers["content-type"], url).toBe(get.headers["content-type"]);
        expect(head.headers["content-encoding"], url).toBe(get.headers["content-encoding"]);
        expect(head.headers["content-length"], url).toBe(get.headers["content-length"]);
        expect(head.text ?? "", url).toBe("");
      }
    }
  });
});

describe("unexpected errors", () => {
  it("answer with a 500 page without internals, and the app keeps serving", async () => {
    const { lines, destination } = captureLog();
    const failing = makeServer(undefined, { destination, level: "error" }).handle;
    // Make one lookup fail the way a bug would, inside the normal request path.
    const get = Map.prototype.get;
    const spy = vi.spyOn(Map.prototype, "get").mockImplementation(function (this: Map<unknown, unknown>, key: unknown) {
      if (key === question) throw new Error("boom: secret internals at /srv/app/src/x.ts");
      return get.call(this, key);
    });
    try {
      const res = await request(failing).get(question);
      expect(res.status).toBe(500);
      expectErrorPage(res.text, "服务器出错了");
      expect(res.text).not.toContain("boom");
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(lines).toMatchObject([
        { level: 50, msg: "unexpected error", path: question },
        { level: 50, msg: "request failed" },
      ]);
    } finally {
      spy.mockRestore();
    }
    expect((await request(failing).get(question)).status).toBe(200);
  });
});

describe("security headers", () => {
  it.each(["/", question, "/nope", "/sitemap.xml"])("%s carries a strict CSP, nosniff and a referrer policy", async (url) => {
    const res = await request(app).get(url);
    const csp = res.headers["content-security-policy"] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["x-powered-by"]).toBeUndefined();
    // Framing refused the same way by both headers, so old and new browsers agree.
    expect(res.headers["x-frame-options"]).toBe("DENY");
    const permissions = res.headers["permissions-policy"] ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(permissions).toContain(`${feature}=()`);
    // The copy button writes the page's link to the clipboard.
    expect(permissions).toContain("clipboard-write=(self)");
  });

  it("sends HSTS only for an https site, with the configured max-age", () => {
    const hsts = (headers: HeaderList) => headers.find(([name]) => name === "Strict-Transport-Security")?.[1];
    expect(hsts(securityHeaders({ publicBaseUrl: "https://faq.example.com", hstsMaxAge: 86400 }))).toBe("max-age=86400; includeSubDomains");
    expect(hsts(securityHeaders({ publicBaseUrl: "https://faq.example.com" }))).toBe("max-age=63072000; includeSubDomains");
    expect(hsts(securityHeaders({ publicBaseUrl: "https://faq.example.com", hstsMaxAge: 0 }))).toBeUndefined();
    expect(hsts(securityHeaders({ publicBaseUrl: "http://localhost:3000", hstsMaxAge: 86400 }))).toBeUndefined();
  });

  it("405 and 400 responses carry them too", async () => {
    expect((await request(app).post("/")).headers["x-content-type-options"]).toBe("nosniff");
    expect((await rawRequest(app, "/%")).headers["content-security-policy"]).toContain("default-src 'self'");
  });
});

describe("requests that try to steer the answer", () => {
  it("an absolute-form target redirects to the parsed path on this site, never another host or a doubled path", async () => {
    const res = await rawRequest(app, `http://evil.example${question}/?utm=1`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`${question}?utm=1`);
  });

  it("a body trickled in after the answer is not waited for: the connection closes once the 405 is out", async () => {
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const socket = net.connect((server.address() as AddressInfo).port, "127.0.0.1");
    try {
      socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\na");
      let answer = "";
      socket.on("data", (chunk) => {
        answer += chunk;
      });
      // A client trickling the rest one byte at a time, far slower than any timeout.
      const trickle = setInterval(() => socket.writable && socket.write("a"), 200);
      const startedAt = Date.now();
      await new Promise((resolve) => socket.once("close", resolve));
      clearInterval(trickle);
      expect(answer).toMatch(/^HTTP\/1\.1 405 /);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);
      expect(Date.now() - startedAt).toBeLessThan(2000);
    } finally {
      socket.destroy();
      server.close();
    }
  });
});
