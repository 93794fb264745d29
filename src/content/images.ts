// Images beside the Markdown: each read once, checked (type, size limit, a real picture of the
// type its name says) and given a URL with a hash of its bytes, so it can be cached for a year
// like the site's own assets. Several answers may show the same file; it is read once.
import { existsSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import type { ISizeCalculationResult } from "image-size/dist/types/interface.js";
import { contentHash } from "../pages/prepared.js";
import { ROUTES } from "../routes.js";
import { type ContentImage, IMAGE_TYPES } from "./markdown.js";
import { LIMITS, readContentBytes } from "./read-file.js";

/** image-size's names for the types IMAGE_TYPES takes. */
const DETECTED: Readonly<Record<string, string>> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

export interface ImageLoader {
  /** An image file → the image, or what is wrong with it (the rest of a message that starts with its name). */
  load(file: string): ContentImage | string;
  /** Every image loaded without a problem, by file. */
  readonly images: ReadonlyMap<string, ContentImage>;
}

export function imageLoader(root: string): ImageLoader {
  const images = new Map<string, ContentImage | string>();
  const load = (file: string): ContentImage | string => {
    const known = images.get(file);
    if (known !== undefined) return known;
    const image = readImage(file, root);
    images.set(file, image);
    return image;
  };
  return {
    load,
    get images() {
      return new Map([...images].filter((entry): entry is [string, ContentImage] => typeof entry[1] !== "string"));
    },
  };
}

function readImage(file: string, root: string): ContentImage | string {
  const ext = path.extname(file).toLowerCase();
  const type = IMAGE_TYPES[ext];
  if (ext === ".svg") return "是 SVG，网站不接受（SVG 里可以藏脚本） — 请导出为 PNG 再引用";
  if (type === undefined) return `的类型不支持 — 请用 PNG、JPEG、WebP 或 GIF 图片（${ext || "没有扩展名"}）`;
  if (!existsSync(file)) return `找不到 — 请检查文件名和路径，路径相对于这个 Markdown 文件（${path.relative(root, file)}）`;
  let problem = "";
  const bytes = readContentBytes(file, root, LIMITS.imageBytes, (_file, message) => {
    problem = message.replace(/^文件：/, "");
  });
  if (bytes === undefined) return problem;
  let size: ISizeCalculationResult;
  try {
    size = imageSize(bytes);
  } catch {
    return "不是有效的图片文件 — 请重新导出或另存为 PNG/JPEG";
  }
  if (DETECTED[size.type ?? ""] !== type || size.width === undefined || size.height === undefined) {
    return `的内容与扩展名不符（实际是 ${size.type ?? "未知类型"}） — 请改成正确的扩展名或重新导出`;
  }
  // EXIF orientations 5–8 turn a JPEG on its side: the browser shows it with width and height swapped.
  const turned = (size.orientation ?? 1) >= 5;
  const relative = path.relative(root, file).split(path.sep).join("/");
  const stem = relative.slice(0, -ext.length);
  return {
    url: `${ROUTES.assets.path}content/${stem}.${contentHash(bytes).slice(0, 10)}${ext}`,
    type,
    bytes,
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
  };
}
