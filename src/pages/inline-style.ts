// The stylesheet every page carries in its own <head>: a reader who taps a link paints the
// answer from the first response, with no second round trip for a stylesheet. The CSP names
// it by its hash, so no other inline style can run.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface InlineStyle {
  /** The text between <style> and </style>, exactly as hashed. */
  readonly css: string;
  /** Its CSP source, "sha256-…". */
  readonly hash: string;
}

/**
 * public/style.css without its comments and indentation, which every page would otherwise
 * carry. Comments hold no "*\/" inside strings in our stylesheet, and indentation means nothing.
 */
export function inlineStyle(publicDir: string): InlineStyle {
  const source = readFileSync(path.join(publicDir, "style.css"), "utf8");
  if (source.includes("</")) throw new Error('public/style.css: "</" would end the page\'s <style> element early; remove it');
  const css = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
  return { css, hash: `sha256-${createHash("sha256").update(css, "utf8").digest("base64")}` };
}
