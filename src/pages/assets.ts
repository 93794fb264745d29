// Files from public/, read once and served under names that contain a hash of their bytes,
// so templates link to /assets/style.3f9a….css and browsers may cache them for a year.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROUTES } from "../routes.js";
import { contentHash, IMMUTABLE, type Prepare, type PreparedResponse } from "./prepared.js";

const TYPES: Readonly<Record<string, string>> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

export interface Assets {
  /** Logical name (style.css) → hashed URL (/assets/style.3f9a….css), for templates. */
  readonly urls: Readonly<Record<string, string>>;
  /** Hashed URL → prepared response. */
  readonly responses: ReadonlyMap<string, PreparedResponse>;
}

export function loadAssets(publicDir: string, prepare: Prepare): Assets {
  const urls: Record<string, string> = {};
  const responses = new Map<string, PreparedResponse>();
  for (const name of readdirSync(publicDir, { recursive: true, encoding: "utf8" }).sort()) {
    const file = path.join(publicDir, name);
    const type = TYPES[path.extname(name)];
    if (type === undefined) continue; // folders, editor backups and anything we do not serve
    const bytes = readFileSync(file);
    const { dir, name: stem, ext } = path.parse(name.split(path.sep).join("/"));
    const url = `${ROUTES.assets.path}${dir ? `${dir}/` : ""}${stem}.${contentHash(bytes).slice(0, 10)}${ext}`;
    urls[name.split(path.sep).join("/")] = url;
    responses.set(url, prepare(bytes, { type, cache: IMMUTABLE }));
  }
  return { urls, responses };
}
