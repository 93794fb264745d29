// Lays the page map out as files any static host serves as they are: every HTML page as
// <path>/index.html (the one layout that python -m http.server, nginx's default try_files,
// express.static, object storage website hosting and GitHub Pages all answer for /<path>, some
// after a redirect to /<path>/), 404.html, a small page that moves readers on for each
// redirect, everything else under its own name, and .br/.gz siblings for hosts that send them.
import { ROUTES } from "../routes.js";
import type { PreparedResponse } from "./prepared.js";

/** The file that answers a URL: "/" → index.html, HTML pages → <path>/index.html, anything else as named. */
export function fileForUrl(url: string, prepared: PreparedResponse): string {
  const isHtml = prepared.headers["Content-Type"]?.startsWith("text/html") ?? false;
  const isRedirect = prepared.status >= 300 && prepared.status < 400;
  if (url.endsWith("/")) return `${url.slice(1)}index.html`;
  if (url.endsWith(".html")) return url.slice(1);
  return isHtml || isRedirect ? `${url.slice(1)}/index.html` : url.slice(1);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string);

/** Where a redirect in the page map points, from its Location header. */
function locationOf(prepared: PreparedResponse): string | undefined {
  const { head } = prepared;
  for (let i = 0; i + 1 < head.length; i += 2) if (head[i]?.toLowerCase() === "location") return head[i + 1];
  return prepared.headers.Location;
}

/**
 * A static host cannot send a 301, so an old address gets a page that sends the reader on at
 * once and tells search engines where the page lives now.
 */
export function movedPage(target: string, baseUrl: string): Buffer {
  const absolute = target.startsWith("/") ? `${baseUrl}${target}` : target;
  const href = escapeHtml(target);
  return Buffer.from(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>本页已移动</title>
<link rel="canonical" href="${escapeHtml(absolute)}">
<meta http-equiv="refresh" content="0; url=${href}">
<meta name="robots" content="noindex">
</head>
<body>
<p>本页已移到 <a href="${href}">${escapeHtml(absolute)}</a>。</p>
</body>
</html>
`);
}

/**
 * Every file of the export, relative to its folder, with its bytes. Two URLs wanting one file
 * is a mistake in the route table, so it stops the export rather than losing a page.
 */
export function exportFiles(
  pages: ReadonlyMap<string, PreparedResponse>,
  notFound: PreparedResponse,
  baseUrl: string,
): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const add = (file: string, body: Buffer, from: string) => {
    if (files.has(file)) throw new Error(`export: ${from} and another URL would both be written to ${file}`);
    if (file.split("/").some((part) => part === ".." || part === "." || part === "")) throw new Error(`export: ${from} is not a file name`);
    files.set(file, body);
  };
  for (const [url, prepared] of [...pages, [ROUTES.exportNotFound.path, notFound] as const]) {
    const file = fileForUrl(url, prepared);
    const location = prepared.status >= 300 && prepared.status < 400 ? locationOf(prepared) : undefined;
    if (location !== undefined) {
      add(file, movedPage(location, baseUrl), url);
      continue;
    }
    add(file, prepared.body, url);
    if (prepared.br !== undefined) add(`${file}.br`, prepared.br.body, url);
    if (prepared.gzip !== undefined) add(`${file}.gz`, prepared.gzip.body, url);
  }
  return files;
}
