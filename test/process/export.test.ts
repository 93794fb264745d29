// `npm run export`, then the folder served by plain static servers (express.static, and
// Debian's nginx where installed): every page and every link of the live site answers the
// same there, and the .br/.gz siblings hold the same bytes.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nginxHasBrotli, nginxInstalled, startNginx } from "../../scripts/nginx.js";
import { BASE_URL, makeServer, ROOT } from "../helpers.js";
import { freePort } from "./spawn.js";

const work = mkdtempSync(path.join(tmpdir(), "faq-export-"));
const dir = path.join(work, "site");
const live = makeServer();
const servers: Array<() => Promise<void>> = [];

interface Answer {
  status: number;
  type: string;
  encoding: string | undefined;
  body: Buffer;
}

function get(port: number, url: string, acceptEncoding = "identity"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: url, headers: { "Accept-Encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const body = encoding === "br" ? brotliDecompressSync(raw) : encoding === "gzip" ? gunzipSync(raw) : raw;
          // Static servers may spell the charset differently (UTF-8); the media type is what must match.
          const type = String(res.headers["content-type"]).split(";")[0] ?? "";
          resolve({ status: res.statusCode ?? 0, type, encoding, body });
        });
      })
      .on("error", reject);
  });
}

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

/** Every URL the live site prepares, every link and asset its pages point to, and a miss. */
function urlsToCheck(): string[] {
  const urls = new Set(live.pages.keys());
  for (const [, page] of live.pages) {
    if (!page.headers["Content-Type"]?.startsWith("text/html")) continue;
    const $ = cheerio.load(page.body.toString("utf8"));
    for (const element of $("[href], [src]").toArray()) {
      const link = element.attribs.href ?? element.attribs.src ?? "";
      const local = link.startsWith(BASE_URL) ? link.slice(BASE_URL.length) : link;
      if (local.startsWith("/") && !local.startsWith("//")) urls.add(local.split("#")[0]?.split("?")[0] || "/");
    }
  }
  return [...urls, "/nope", "/questions/nope", "/questions"].sort();
}

let livePort = 0;
let staticPort = 0;

beforeAll(async () => {
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["src/export.ts", dir], {
    cwd: ROOT,
    env: { ...process.env, PUBLIC_BASE_URL: BASE_URL },
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.stdout).toMatch(/^Exported \d+ files for https:\/\/isp-faq\.example\.com to /);
  livePort = await listen(live.handle);
  // A plain static server: files as they are, extensionless URLs from .html, 404.html for a miss.
  const app = express();
  app.use(express.static(dir, { extensions: ["html"], redirect: false }));
  app.use((_req, res) => res.status(404).sendFile(path.join(dir, "404.html")));
  staticPort = await listen(app);
}, 30_000);

afterAll(async () => {
  for (const close of servers) await close();
  rmSync(work, { recursive: true, force: true });
});

describe("npm run export", () => {
  it("writes HTML under the same URLs, assets, sitemap, robots, 404.html and precompressed siblings", () => {
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" });
    const question = [...live.pages.keys()].find((url) => url.startsWith("/questions/"));
    for (const file of ["index.html", `${question?.slice(1)}.html`, "sitemap.xml", "robots.txt", "404.html"]) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => file.startsWith("assets/") && file.endsWith(".css"))).toHaveLength(1);
    for (const file of files.filter((name) => name.endsWith(".br") || name.endsWith(".gz"))) {
      const original = readFileSync(path.join(dir, file.slice(0, -3)));
      const packed = readFileSync(path.join(dir, file));
      expect((file.endsWith(".br") ? brotliDecompressSync(packed) : gunzipSync(packed)).equals(original), file).toBe(true);
    }
    expect(files.filter((file) => file.endsWith(".br")).length).toBeGreaterThanOrEqual(6);
  });

  it("answers every page and link the same from express.static as the live site does", async () => {
    for (const url of urlsToCheck()) {
      const [fromLive, fromStatic] = [await get(livePort, url), await get(staticPort, url)];
      expect({ url, status: fromStatic.status, type: fromStatic.type }).toEqual({ url, status: fromLive.status, type: fromLive.type });
      expect(fromStatic.body.equals(fromLive.body), url).toBe(true);
    }
  });

  it("will not replace a folder it did not make", () => {
    const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["src/export.ts", "test"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("test exists and was not made by npm run export");
    expect(existsSync(path.join(ROOT, "test", "helpers.ts"))).toBe(true);
  });

  it.skipIf(!nginxInstalled())("answers the same from Debian's nginx, precompressed files included", async () => {
    chmodSync(work, 0o755); // nginx's worker runs as another user and must read the folder
    const nginx = await startNginx(dir, await freePort(), path.join(work, "nginx"));
    servers.push(() => nginx.stop());
    for (const url of urlsToCheck()) {
      // Without Debian's libnginx-mod-http-brotli-static, nginx has no brotli to send.
      for (const encoding of nginxHasBrotli() ? ["identity", "gzip", "br"] : ["identity", "gzip"]) {
        const [fromLive, fromNginx] = [await get(livePort, url, encoding), await get(nginx.port, url, encoding)];
        expect({ url, encoding, status: fromNginx.status, type: fromNginx.type, sent: fromNginx.encoding }).toEqual({
          url,
          encoding,
          status: fromLive.status,
          type: fromLive.type,
          sent: fromLive.encoding,
        });
        expect(fromNginx.body.equals(fromLive.body), `${url} ${encoding}`).toBe(true);
      }
    }
  });
});
