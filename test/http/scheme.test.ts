// The reader's colour scheme from the `scheme` cookie: every HTML page is sent with it on
// <html>, in every encoding, with its own ETag and Vary: Cookie; anything but exactly one light
// or dark is the page as prepared; variants are made once per page and scheme, never per URL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeServer } from "../helpers.js";
import { firstQuestionUrl } from "./content-folders.js";

const site = makeServer();
const question = firstQuestionUrl();
const OPEN_TAG = /^<!DOCTYPE html>\s*(<html[^>]*>)/;

let server: http.Server;
let origin: string;
beforeAll(async () => {
  server = http.createServer(site.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent, decoded from its Content-Encoding. */
  text: string;
}

/** A request over a real socket, so the bytes are the server's and not a client's re-decoding. */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${encodeURI(path)}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"];
        const body = raw.length === 0 ? raw : encoding === "br" ? brotliDecompressSync(raw) : encoding === "gzip" ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: body.toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const openTag = (answer: Answer) => OPEN_TAG.exec(answer.text)?.[1];

describe("the scheme cookie", () => {
  it.each(["/", question])("puts the chosen scheme on <html> of %s in every encoding", async (path) => {
    for (const encoding of ["identity", "gzip", "br"]) {
      for (const scheme of ["dark", "light"]) {
        const res = await get(path, { Cookie: `scheme=${scheme}`, "Accept-Encoding": encoding });
        expect(res.status).toBe(200);
        expect(res.headers["content-encoding"]).toBe(encoding === "identity" ? undefined : encoding);
        expect(openTag(res), `${path} ${encoding}`).toBe(`<html lang="zh-CN" data-scheme="${scheme}">`);
      }
      const plain = await get(path, { "Accept-Encoding": encoding });
      expect(openTag(plain)).toBe('<html lang="zh-CN">');
    }
  });

  it("changes nothing else of the page", async () => {
    const plain = await get(question);
    const dark = await get(question, { Cookie: "scheme=dark" });
    expect(dark.text.replace(' data-scheme="dark"', "")).toBe(plain.text);
    expect(dark.headers["content-security-policy"]).toBe(plain.headers["content-security-policy"]);
    expect(dark.headers["cache-control"]).toBe(plain.headers["cache-control"]);
  });

  it("reads the cookie among others, and refuses anything but exactly one light or dark", async () => {
    expect(openTag(await get(question, { Cookie: "a=1; scheme=dark; b=2" }))).toContain('data-scheme="dark"');
    expect(openTag(await get(question, { Cookie: "scheme=dark; scheme=dark" }))).toContain('data-scheme="dark"');
    const plain = await get(question);
    for (const cookie of [
      "scheme=purple",
      'scheme=dark"><script>alert(1)</script>',
      "scheme=dark; scheme=light",
      "scheme=",
      "scheme",
      "xscheme=dark",
      "scheme=DARK",
    ]) {
      const res = await get(question, { Cookie: cookie });
      expect(res.text, cookie).toBe(plain.text);
      expect(res.headers.etag, cookie).toBe(plain.headers.etag);
    }
  });

  it("says pages vary by Cookie, and files, feeds and data do not", async () => {
    for (const path of ["/", question, "/no-such-page", "/search?q=发票", "/search"]) {
      const res = await get(path, { "Accept-Encoding": "br" });
      expect(res.headers.vary?.split(", "), path).toContain("Cookie");
    }
    expect((await get("/", { "Accept-Encoding": "br" })).headers.vary).toBe("Accept-Encoding, Cookie");
    const files = [...site.pages].filter(([, page]) => !page.headers["Content-Type"]?.startsWith("text/html")).map(([path]) => path);
    expect(files.some((path) => path.endsWith(".css"))).toBe(true);
    expect(files.some((path) => path.endsWith(".js"))).toBe(true);
    for (const path of [...files, "/search.json?q=fp"]) {
      const res = await get(path, { "Accept-Encoding": "br", Cookie: "scheme=dark" });
      expect(res.headers.vary ?? "", path).not.toContain("Cookie");
    }
  });

  it("gives each variant its own ETag, and a 304 only for that variant's", async () => {
    for (const encoding of ["identity", "br"]) {
      const [plain, light, dark] = await Promise.all(
        ["", "scheme=light", "scheme=dark"].map((cookie) =>
          get(question, { "Accept-Encoding": encoding, ...(cookie && { Cookie: cookie }) }),
        ),
      );
      const etags = [plain, light, dark].map((res) => res?.headers.etag);
      expect(new Set(etags).size).toBe(3);
      const again = await get(question, {
        "Accept-Encoding": encoding,
        Cookie: "scheme=dark",
        "If-None-Match": String(dark?.headers.etag),
      });
      expect(again.status).toBe(304);
      expect(again.headers.etag).toBe(dark?.headers.etag);
      expect(again.headers.vary).toContain("Cookie");
      // The page the reader had before choosing is not the one they want now.
      const changed = await get(question, {
        "Accept-Encoding": encoding,
        Cookie: "scheme=dark",
        "If-None-Match": String(plain?.headers.etag),
      });
      expect(changed.status).toBe(200);
      expect(openTag(changed)).toContain('data-scheme="dark"');
    }
  });

  it("answers HEAD with the variant's headers and no body", async () => {
    const dark = await get(question, { Cookie: "scheme=dark", "Accept-Encoding": "gzip" });
    const head = await get(question, { Cookie: "scheme=dark", "Accept-Encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.etag).toBe(dark.headers.etag);
    expect(head.headers["content-length"]).toBe(dark.headers["content-length"]);
  });

  it("holds for search results, the empty search page, a refused search and the 404 page", async () => {
    for (const [path, status] of [
      ["/search?q=发票", 200],
      ["/search", 200],
      [`/search?q=${"发".repeat(200)}`, 400],
      ["/no-such-page", 404],
    ] as const) {
      for (const encoding of ["identity", "br"]) {
        const dark = await get(path, { Cookie: "scheme=dark", "Accept-Encoding": encoding });
        expect(dark.status, path).toBe(status);
        expect(openTag(dark), path).toBe('<html lang="zh-CN" data-scheme="dark">');
        expect(openTag(await get(path, { Cookie: "scheme=purple", "Accept-Encoding": encoding })), path).toBe('<html lang="zh-CN">');
      }
    }
  });

  it("makes one variant per page and scheme, however often it is asked for, and none per unknown URL", async () => {
    const other = [...site.pages.keys()].filter((path) => path.startsWith("/questions/"))[1] as string;
    const before = site.schemes.made;
    for (let i = 0; i < 100; i += 1)
      await get(other, { Cookie: "scheme=dark", "Accept-Encoding": ["br", "gzip", "identity"][i % 3] as string });
    expect(site.schemes.made - before).toBe(1);
    // Every unknown URL is the one 404 page: at most its own variant, not one per URL.
    await get("/no-such-page", { Cookie: "scheme=light" });
    const afterNotFound = site.schemes.made;
    for (let i = 0; i < 50; i += 1) await get(`/unknown-${i}`, { Cookie: "scheme=light" });
    expect(site.schemes.made).toBe(afterNotFound);
    // And a search made per request is rendered with the scheme, never kept.
    for (let i = 0; i < 20; i += 1) await get(`/search?q=发票${i}`, { Cookie: "scheme=light" });
    expect(site.schemes.made).toBe(afterNotFound);
  });
});
