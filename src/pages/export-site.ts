// Writes the page map to a folder any static host serves as is: the same URLs, each HTML page
// as <path>.html (what GitHub Pages, Netlify, Cloudflare Pages and nginx's try_files serve for
// an extensionless URL without a redirect), 404.html, and .br/.gz siblings for precompressed serving.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BuiltSite } from "../build-site.js";
import type { PreparedResponse } from "./prepared.js";

/** The file that answers a URL: "/" → index.html, HTML pages → <path>.html, everything else as named. */
export function fileForUrl(url: string, prepared: PreparedResponse): string {
  if (url === "/") return "index.html";
  const isHtml = prepared.headers["Content-Type"]?.startsWith("text/html") ?? false;
  return (isHtml && !url.endsWith(".html") ? `${url}.html` : url).slice(1);
}

/** Writes every page, asset and error page; returns the files written, relative to dir. */
export function exportSite(built: Pick<BuiltSite, "pages" | "errors">, dir: string): string[] {
  const written: string[] = [];
  const write = (file: string, prepared: PreparedResponse) => {
    const target = path.resolve(dir, file);
    // URLs come from our own content and public/, but a file must never land outside dir.
    if (!target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`export: ${file} would be written outside ${dir}`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, prepared.body);
    written.push(file);
    for (const [suffix, version] of [
      [".br", prepared.br],
      [".gz", prepared.gzip],
    ] as const) {
      if (version === undefined) continue;
      writeFileSync(target + suffix, version.body);
      written.push(file + suffix);
    }
  };
  for (const [url, prepared] of built.pages) write(fileForUrl(url, prepared), prepared);
  write("404.html", built.errors[404]);
  return written;
}
