// Where `npm run export` may write, and how it replaces an earlier export: folders that hold the
// project, the content, a home or the whole disk are refused outright; an existing folder is
// replaced only when it holds exactly the files the previous export listed in its manifest,
// unchanged; the new export is written into a sibling folder and swapped in by renaming, so a
// failure part-way leaves the previous export whole.
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

/** The manifest every export leaves in its folder: the files it wrote and a hash of each. */
export const MANIFEST = ".faq-export";

/** A refusal: one line for the owner, nothing written or removed. */
export class ExportRefused extends Error {
  override name = "ExportRefused";
}

export interface Protected {
  readonly project: string;
  readonly content: string;
  readonly home: string;
  readonly cwd: string;
}

const USAGE =
  "用法：npm run export -- <文件夹> --base-url https://你的域名（或设置 PUBLIC_BASE_URL），例如 npm run export -- ../isp-faq-site";

/** The folder's absolute path with symbolic links resolved as far as it exists. */
function realPath(target: string): string {
  let existing = target;
  const rest: string[] = [];
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(realpathSync(existing), ...rest);
}

const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/** The absolute folder to write, or an ExportRefused saying why not and what to do. */
export function checkTarget(given: string | undefined, guard: Protected): string {
  if (given === undefined || given.trim() === "") throw new ExportRefused(`没有指定导出文件夹（参数为空）。${USAGE}`);
  const target = realPath(path.resolve(guard.cwd, given));
  const [project, content, home, cwd] = [guard.project, guard.content, guard.home, guard.cwd].map((folder) =>
    realPath(path.resolve(folder)),
  );
  const refuse = (why: string) => new ExportRefused(`不能导出到 ${given}：${why}。请指定一个新的或空的文件夹，或上次导出的文件夹。`);
  if (target === path.parse(target).root) throw refuse("这是根目录");
  if (within(project as string, target)) throw refuse("它是（或包含）本项目的文件夹");
  if (within(content as string, target) || within(target, content as string)) throw refuse("它包含内容文件夹，或在内容文件夹里");
  if (within(home as string, target)) throw refuse("它是（或包含）用户主目录");
  if (target === cwd) throw refuse("这是当前文件夹");
  let ancestor = target;
  while (!existsSync(ancestor)) ancestor = path.dirname(ancestor);
  if (!lstatSync(ancestor).isDirectory()) {
    throw new ExportRefused(
      `不能导出到 ${given}：${ancestor === target ? "它是一个文件，不是文件夹" : `${ancestor} 是一个文件，不是文件夹`}。请换一个文件夹。`,
    );
  }
  if (ancestor === target) checkReplaceable(target, given);
  return target;
}

const hashOf = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * Every entry under dir, relative, with "/" separators. Symbolic links are listed, never
 * followed (readdirSync's own recursion follows them, which could walk the whole disk).
 */
function entries(dir: string, prefix = ""): Array<{ name: string; kind: "file" | "dir" | "other" }> {
  const found: Array<{ name: string; kind: "file" | "dir" | "other" }> = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const name = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    const kind = entry.isFile() ? "file" : entry.isDirectory() ? "dir" : "other";
    found.push({ name, kind });
    if (kind === "dir") found.push(...entries(dir, name));
  }
  return found;
}

/** Throws unless dir is empty or holds exactly the unchanged files its manifest lists. */
export function checkReplaceable(dir: string, given: string): void {
  const found = entries(dir);
  if (found.length === 0) return;
  const refuse = (why: string) =>
    new ExportRefused(`不能替换 ${given}：${why}。导出只替换它自己写的文件夹；请换一个新的或空的文件夹，或先自己检查并清理这个文件夹。`);
  let listed: Record<string, string>;
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")) as { files?: unknown };
    if (typeof manifest.files !== "object" || manifest.files === null) throw new Error("no files");
    listed = manifest.files as Record<string, string>;
  } catch {
    throw refuse(`其中没有上次导出留下的文件清单（${MANIFEST}）`);
  }
  const folders = new Set(
    Object.keys(listed).flatMap((file) =>
      file
        .split("/")
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join("/")),
    ),
  );
  const foreign: string[] = [];
  for (const { name, kind } of found) {
    if (name === MANIFEST && kind === "file") continue;
    if (kind === "dir" ? folders.has(name) : kind === "file" && listed[name] === hashOf(readFileSync(path.join(dir, name)))) continue;
    foreign.push(name);
  }
  if (foreign.length > 0) {
    const shown = foreign.sort().slice(0, 3).join("、") + (foreign.length > 3 ? ` 等 ${foreign.length} 项` : "");
    throw refuse(`其中有不是上次导出写的或导出后被改动过的内容：${shown}`);
  }
}

/**
 * Writes files into a new sibling of target, then swaps it in by renaming; the previous export
 * (already checked) is removed only after the swap, and only if it still holds nothing else.
 */
export function replaceFolder(target: string, files: ReadonlyMap<string, Buffer>): void {
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(path.join(parent, `.${path.basename(target)}.new-`));
  try {
    // mkdtemp makes the folder private (0700); a web server running as another user must read it,
    // so it gets the mode mkdir would have given it.
    chmodSync(staging, 0o777 & ~process.umask());
    const manifest: Record<string, string> = {};
    for (const [file, body] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const at = path.join(staging, ...file.split("/"));
      mkdirSync(path.dirname(at), { recursive: true });
      writeFileSync(at, body);
      manifest[file] = hashOf(body);
    }
    const note =
      "Made by npm run export: the files it wrote and their SHA-256. The next export replaces this folder only while it holds exactly these files.";
    writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify({ note, files: manifest }, null, 1)}\n`);
    if (!existsSync(target)) {
      renameSync(staging, target);
      return;
    }
    const old = path.join(parent, `.${path.basename(target)}.old-${randomBytes(4).toString("hex")}`);
    renameSync(target, old);
    try {
      renameSync(staging, target);
    } catch (error) {
      renameSync(old, target);
      throw error;
    }
    // Checked again: something may have been put there since the first check.
    checkReplaceable(old, old);
    rmSync(old, { recursive: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
