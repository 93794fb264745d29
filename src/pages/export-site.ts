// Lays the page map out as files any static host serves as they are: every HTML page as
// <path>/index.html (the one layout that python -m http.server, nginx's default try_files,
// express.static, object storage website hosting and GitHub Pages all answer for /<path>, some
// after a redirect to /<path>/), 404.html, each redirect's page that moves readers on,
// everything else under its own name, and .br/.gz siblings for hosts that send them.
import { ROUTES } from "../routes.js";
import { isHtml, type PreparedResponse } from "./prepared.js";

/** The file that answers a URL: "/" → index.html, HTML pages → <path>/index.html, anything else as named. */
export function fileForUrl(url: string, prepared: PreparedResponse): string {
  const isRedirect = prepared.status >= 300 && prepared.status < 400;
  if (url.endsWith("/")) return `${url.slice(1)}index.html`;
  if (url.endsWith(".html")) return url.slice(1);
  return isHtml(prepared) || isRedirect ? `${url.slice(1)}/index.html` : url.slice(1);
}

/**
 * Every file of the export, relative to its folder, with its bytes. Two URLs wanting one file
 * is a mistake in the route table, so it stops the export rather than losing a page.
 */
export function exportFiles(pages: ReadonlyMap<string, PreparedResponse>, notFound: PreparedResponse): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const add = (file: string, body: Buffer, from: string) => {
    if (files.has(file)) throw new Error(`export: ${from} and another URL would both be written to ${file}`);
    if (file.split("/").some((part) => part === ".." || part === "." || part === "")) throw new Error(`export: ${from} is not a file name`);
    files.set(file, body);
  };
  for (const [url, prepared] of [...pages, [ROUTES.exportNotFound.path, notFound] as const]) {
    // A redirect's body is a page that moves readers on (src/pages/redirects.ts), which is what
    // a static host, unable to send a 301, serves at the old address.
    const file = fileForUrl(url, prepared);
    add(file, prepared.body, url);
    if (prepared.br !== undefined) add(`${file}.br`, prepared.br.body, url);
    if (prepared.gzip !== undefined) add(`${file}.gz`, prepared.gzip.body, url);
  }
  return files;
}
