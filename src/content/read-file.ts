// Reading one file of the owner's folder. Every way a name can fail to be a small, readable,
// UTF-8 file inside the folder (a folder named x.md, a pipe, a dangling or looping symlink, a
// link out of the folder, no permission, too big, saved as GBK) becomes a named problem with
// what to do, never an fs error with a stack.
import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Report } from "./report.js";

/**
 * Limits that keep start-up over any accepted folder fast and small: far above any real answer
 * or screenshot, far below what would take memory or seconds to render.
 */
export const LIMITS = {
  /** A Markdown file, front matter included (the longest real answer is a few KB). */
  markdownBytes: 1024 * 1024,
  /** site.yml and synonyms.yml. */
  yamlBytes: 256 * 1024,
  /** One image beside an answer. */
  imageBytes: 2 * 1024 * 1024,
  /** Anchors and aliases (&a / *a) a YAML file may expand: a handful is plenty, a "billion laughs" is refused. */
  yamlAliases: 100,
} as const;

const megabytes = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;
const kilobytes = (bytes: number) => (bytes >= 1048576 ? megabytes(bytes) : `${Math.ceil(bytes / 1024)} KB`);

/** The file's bytes, or undefined once its problem is reported. `root` is the content folder. */
export function readContentBytes(file: string, root: string, limit: number, report: Report): Buffer | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    report(file, unreadable(error as NodeJS.ErrnoException));
    return undefined;
  }
  const realRoot = realpathSync(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    report(file, `文件：是指向内容文件夹以外的链接 — 请把文件本身复制到内容文件夹里（链接指向 ${real}）`);
    return undefined;
  }
  try {
    const stat = statSync(real);
    if (stat.isDirectory()) {
      report(file, "文件：这是一个文件夹，不是文件 — 请给文件夹换一个不以 .md 结尾的名字（EISDIR）");
      return undefined;
    }
    // Never open a pipe or a device: reading one would wait forever or never end.
    if (!stat.isFile()) {
      report(file, "文件：不是普通文件（命名管道、设备或套接字）— 请删除它，或换成普通文件");
      return undefined;
    }
    if (stat.size > limit) {
      report(file, `文件：太大（${kilobytes(stat.size)}），上限是 ${kilobytes(limit)} — 请拆成几个文件或缩小它`);
      return undefined;
    }
    return readFileSync(real);
  } catch (error) {
    report(file, unreadable(error as NodeJS.ErrnoException));
    return undefined;
  }
}

function unreadable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
      return "文件：是一个指向不存在文件的链接 — 请删除这个链接，或恢复它指向的文件（ENOENT）";
    case "ELOOP":
      return "文件：是一个循环的符号链接 — 请删除这个链接（ELOOP）";
    case "EACCES":
    case "EPERM":
      return `文件：没有读取权限 — 请让运行网站的用户可以读取它，例如 chmod a+r（${error.code}）`;
    default:
      return `文件：无法读取 — 请检查这个文件（${error.code ?? error.message}）`;
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The text with a BOM dropped and line ends made "\n", or undefined once reported. A GBK or
 * GB18030 file (Notepad's "ANSI" on Chinese Windows) is almost never valid UTF-8, so decoding
 * strictly catches it instead of publishing mojibake.
 */
export function decodeText(bytes: Buffer, file: string, report: Report): string | undefined {
  try {
    return utf8
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n");
  } catch {
    const line = bytes.subarray(0, firstInvalidByte(bytes)).toString("latin1").split("\n").length;
    report(
      file,
      "编码：文件不是 UTF-8 编码 — 请以 UTF-8 编码保存（记事本：另存为，编码选 UTF-8）（这一行有无效的 UTF-8 字节，可能是 GBK/GB18030）",
      line,
    );
    return undefined;
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    const length =
      byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}
