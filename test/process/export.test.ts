// `npm run export`, then the folder served by static servers configured as they come: Python's
// http.server (no rewrites at all), express.static, Debian's nginx with its default server
// block and with the tuned one from docs/operations.md (where nginx is installed). Every page and
// link of the live site answers with the same page on each (after at most a redirect to the
// trailing-slash form), and the .br/.gz siblings hold the same bytes.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultServerBlock, nginxHasBrotli, nginxInstalled, startNginx, waitForPort } from "../../scripts/nginx.js";
import { BASE_URL, makeServer, ROOT } from "../helpers.js";
import { freePort } from "./spawn.js";

const work = mkdtempSync(path.join(tmpdir(), "faq-export-"));
const dir = path.join(work, "site");
const live = makeServer();
const stops: Array<() => Promise<void>> = [];

interface Answer {
  status: number;
  type: string;
  encoding: string | undefined;
  body: Buffer;
  location: string | undefined;
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
          resolve({ status: res.statusCode ?? 0, type, encoding, body, location: res.headers.location });
        });
      })
      .on("error", reject);
  });
}

/** As a browser or crawler gets it: a redirect on the same host followed (static hosts add the slash). */
async function follow(port: number, url: string): Promise<Answer & { url: string }> {
  let at = url;
  for (let hops = 0; hops < 3; hops++) {
    const answer = await get(port, at);
    if (answer.status < 300 || answer.status >= 400 || answer.location === undefined) return { ...answer, url: at };
    at = new URL(answer.location, `http://127.0.0.1:${port}${at}`).pathname + new URL(answer.location, "http://x").search;
  }
  throw new Error(`${url}: more than 3 redirects`);
}

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stops.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

/**
 * The export's pages are the live ones with the search box pointed at search.html and its
 * module, and without the feedback form and its script, which need the server.
 */
const withoutFeedback = (html: string) =>
  html
    .replace(/<script src="\/assets\/feedback\.[^"]+" defer><\/script>/, "")
    .replace(/\n<section class="share feedback"[\s\S]*?<\/section>\n/, "");
const asLive = (html: Buffer) =>
  html
    .toString("utf8")
    .replace(' action="/search.html"', ' action="/search"')
    .replace(/ data-search-module="[^"]*"/, "");

/** Every URL the live site prepares, and every link and asset its pages point to. */
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
  return [...urls].sort();
}

let livePort = 0;
const hosts: Record<string, number> = {};

beforeAll(async () => {
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["src/export.ts", dir, "--base-url", BASE_URL], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.stdout).toMatch(/^Exported \d+ files .* for https:\/\/isp-faq\.example\.com to /);
  livePort = await listen(live.handle);
  // express.static as it comes, and a 404.html for misses, as most static hosts do.
  const app = express();
  app.use(express.static(dir));
  app.use((_req, res) => res.status(404).sendFile(path.join(dir, "404.html")));
  hosts["express.static"] = await listen(app);
  const pythonPort = await freePort();
  const python: ChildProcess = spawn("python3", ["-m", "http.server", String(pythonPort), "--bind", "127.0.0.1", "--directory", dir], {
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => python.once("exit", () => resolve()));
  stops.push(async () => {
    python.kill();
    await exited;
  });
  await waitForPort(pythonPort, 10_000);
  hosts["python3 -m http.server"] = pythonPort;
  if (nginxInstalled()) {
    chmodSync(work, 0o755); // nginx's worker runs as another user and must read the folder
    const nginx = await startNginx(dir, await freePort(), path.join(work, "nginx-default"), defaultServerBlock);
    stops.push(() => nginx.stop());
    hosts["nginx, Debian's default server block"] = nginx.port;
  }
}, 60_000);

afterAll(async () => {
  for (const stop of stops) await stop();
  rmSync(work, { recursive: true, force: true });
});

describe("npm run export", () => {
  it("writes pages as <path>/index.html, assets, sitemap, robots, search, 404.html and precompressed siblings", () => {
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" });
    const question = [...live.pages.keys()].find((url) => url.startsWith("/questions/"));
    for (const file of [
      "index.html",
      `${question?.slice(1)}/index.html`,
      "all/index.html",
      "sitemap.xml",
      "robots.txt",
      "404.html",
      "search.html",
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => /^assets\/search\.[\w-]+\.js$/.test(file))).toHaveLength(1);
    for (const file of files.filter((name) => name.endsWith(".br") || name.endsWith(".gz"))) {
      const original = readFileSync(path.join(dir, file.slice(0, -3)));
      const packed = readFileSync(path.join(dir, file));
      expect((file.endsWith(".br") ? brotliDecompressSync(packed) : gunzipSync(packed)).equals(original), file).toBe(true);
    }
    // The live-reload script is `npm run dev`'s alone.
    for (const file of files.filter((name) => name.endsWith(".html")))
      expect(readFileSync(path.join(dir, file), "utf8"), file).not.toContain("/__dev/");
  });

  it("leaves out the feedback form, which needs the server, and keeps everything else of a question page", () => {
    const questions = readdirSync(path.join(dir, "questions"));
    expect(questions.length).toBeGreaterThan(0);
    for (const slug of questions) {
      const html = readFileSync(path.join(dir, "questions", slug, "index.html"), "utf8");
      expect(html, slug).not.toContain("/feedback");
      expect(html, slug).toContain('class="share"');
    }
  });

  it("bakes the given base URL into canonical links and the sitemap, never localhost", () => {
    const home = readFileSync(path.join(dir, "index.html"), "utf8");
    expect(home).toContain(`<link rel="canonical" href="${BASE_URL}/">`);
    expect(readFileSync(path.join(dir, "sitemap.xml"), "utf8")).toContain(`<loc>${BASE_URL}/</loc>`);
    for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => /\.(html|xml|txt)$/.test(name))) {
      expect(readFileSync(path.join(dir, file), "utf8"), file).not.toContain("localhost");
    }
  });

  it("answers every page and link of the live site with the same page on every static server", async () => {
    const urls = urlsToCheck();
    expect(Object.keys(hosts).length).toBeGreaterThanOrEqual(2);
    for (const [host, port] of Object.entries(hosts)) {
      for (const url of urls) {
        const [fromLive, fromStatic] = [await get(livePort, url), await follow(port, url)];
        // A static host cannot send an alias's 301: it serves the page that moves readers on (200).
        const moved = fromLive.status === 301;
        expect({ host, url, status: fromStatic.status }).toEqual({ host, url, status: moved ? 200 : fromLive.status });
        const html = fromLive.type === "text/html";
        if (html) expect({ host, url, type: fromStatic.type }).toEqual({ host, url, type: "text/html" });
        expect(
          html ? asLive(fromStatic.body) === withoutFeedback(fromLive.body.toString("utf8")) : fromStatic.body.equals(fromLive.body),
          `${host} ${url}`,
        ).toBe(true);
      }
      for (const url of ["/nope", "/questions/nope"]) expect((await follow(port, url)).status, `${host} ${url}`).toBe(404);
      const search = await follow(port, "/search.html?q=%E5%8F%91%E7%A5%A8");
      expect(search.status, host).toBe(200);
      expect(search.body.toString("utf8"), host).toContain("搜索需要浏览器启用 JavaScript");
    }
  }, 60_000);

  it.skipIf(!nginxInstalled())(
    "answers the same from the tuned nginx block, precompressed files included, without redirects",
    async () => {
      const nginx = await startNginx(dir, await freePort(), path.join(work, "nginx"));
      stops.push(() => nginx.stop());
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
          const same =
            fromLive.type === "text/html"
              ? asLive(fromNginx.body) === withoutFeedback(fromLive.body.toString("utf8"))
              : fromNginx.body.equals(fromLive.body);
          expect(same, `${url} ${encoding}`).toBe(true);
        }
      }
    },
    60_000,
  );
});
