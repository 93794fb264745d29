// The Nunjucks environment over views/, set up once. Every template sees the site's facts,
// its questions and pages, and the site's own links from the route table.

import nunjucks from "nunjucks";
import type { Config } from "../config.js";
import type { Site } from "../content/site.js";
import { REASON_WORDS } from "../feedback/reasons.js";
import { LINKS } from "../routes.js";
import type { Assets } from "./assets.js";
import { jsonLdScript } from "./structured-data.js";

/** The site's links as templates see them; an export points search at its static page and module. */
/** The site's links; a static export has no server to take feedback, so it leaves that one out. */
export type Links = { readonly [K in Exclude<keyof typeof LINKS, "feedback">]: string } & {
  readonly feedback?: string;
  readonly searchModule?: string;
};

export type Renderer = (template: string, context: Record<string, unknown> & { url: string | null; jsonLd?: object[] }) => string;

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** "2020-11-27" → "2020年11月27日", as Chinese readers write a date; anything else unchanged. */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : iso;
}

/** A version written as a date (20201127) is said as one: "（2020年11月27日版）"; otherwise nothing. */
export function versionDate(version: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(version);
  return match ? `（${chineseDate(`${match[1]}-${match[2]}-${match[3]}`)}版）` : "";
}

/**
 * Chinese text may break between any two characters, so a title can end with one character
 * alone on its last line ("区/别？"). The last two Han characters and the punctuation after
 * them are kept together; browsers with text-wrap: pretty/balance do better still.
 */
export function keepEnd(text: string): string {
  const match = /\p{Script=Han}{2}[\p{P}\s]*$/u.exec(text);
  if (!match) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, match.index))}<span class="keep">${escapeHtml(match[0])}</span>`;
}

/** A URL that may break after its slashes (and only there, unless a part is wider than the line). */
export function breakAtSlashes(url: string): string {
  return url
    .split(/(?<=\/)/)
    .map(escapeHtml)
    .join("<wbr>");
}

export function makeRenderer(
  site: Site,
  config: Pick<Config, "publicBaseUrl">,
  assets: Assets,
  viewsDir: string,
  /** The stylesheet each page carries inline (its hash is in the CSP). */
  style: string,
  links: Links = LINKS,
): Renderer {
  // Templates are read and compiled here, at start-up; throwOnUndefined turns a typo in a
  // template into a start-up failure instead of a blank spot on a page. trimBlocks and
  // lstripBlocks drop the lines that {% %} tags leave, so pages carry no trailing whitespace.
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewsDir), {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter("asset", (name: string) => {
    const url = assets.urls[name];
    if (url === undefined) throw new Error(`views: asset "${name}" is not in public/`);
    return url;
  });
  env.addFilter("chineseDate", chineseDate);
  env.addFilter("versionDate", versionDate);
  env.addFilter("keepEnd", (text: string) => new nunjucks.runtime.SafeString(keepEnd(text)));
  env.addFilter("breakAtSlashes", (url: string) => new nunjucks.runtime.SafeString(breakAtSlashes(url)));
  const shareImage = assets.urls["share.png"];
  return (template, context) =>
    env.render(template, {
      site: site.facts,
      questions: site.questions,
      pages: site.pages,
      links,
      // The feedback form's reasons (views/feedback.njk), from the one list the owner page reads too.
      feedbackReasons: REASON_WORDS,
      baseUrl: config.publicBaseUrl,
      style,
      shareImage: shareImage === undefined ? null : `${config.publicBaseUrl}${shareImage}`,
      canonical: context.url === null ? null : `${config.publicBaseUrl}${context.url}`,
      ogType: "website",
      noindex: false,
      ...context,
      jsonLd: context.jsonLd?.map((data) => jsonLdScript(data as Record<string, unknown>)) ?? [],
    });
}
