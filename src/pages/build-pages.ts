// Lays a loaded Site into pages once, at start-up: every URL the site answers maps to a
// prepared response, and so do the error pages. After this, serving is a lookup.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import type { Config } from "../config.js";
import type { Page, Question, Site } from "../content/site.js";
import { ALL_URL, allSections } from "./all-in-one.js";
import { type Assets, loadAssets } from "./assets.js";
import { NO_STORE, type PreparedResponse, prepare, REVALIDATE } from "./prepared.js";
import { qrCodeSvg } from "./qr-code.js";
import { breadcrumbs, faqPage, jsonLdScript, webSite } from "./structured-data.js";

/**
 * The project folder: the nearest one above this module with a package.json. That holds for
 * src/pages/ under tsx and for the single bundled dist/server.js alike.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
const ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const DEFAULT_DIRS = { views: path.join(ROOT, "views"), public: path.join(ROOT, "public") };

/** Statuses the app answers with a page of its own; the words for each are in views/error.njk. */
export const ERROR_STATUSES = [400, 403, 404, 405, 414, 500] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

export interface BuiltSite {
  /** Decoded URL path → response. */
  readonly pages: ReadonlyMap<string, PreparedResponse>;
  readonly errors: Readonly<Record<ErrorStatus, PreparedResponse>>;
  /** The same renderer, for the few pages made per request (search results). */
  readonly render: Renderer;
}

const HTML = "text/html; charset=utf-8";

export function buildPages(site: Site, config: Pick<Config, "publicBaseUrl">, dirs = DEFAULT_DIRS): BuiltSite {
  const assets = loadAssets(dirs.public);
  const render = makeRenderer(site, config, assets, dirs.views);
  const absolute = (url: string) => `${config.publicBaseUrl}${url}`;
  const home = { name: "目录", url: absolute("/") };

  const pages = new Map<string, PreparedResponse>(assets.responses);
  const html = (url: string, body: string) => pages.set(url, prepare(body, HTML, REVALIDATE));

  html(
    "/",
    render("toc.njk", {
      url: "/",
      title: site.facts.title,
      description: site.facts.description,
      // No FAQPage here: search engines take FAQ markup only where the answers are on the
      // page, and want each question marked up once, which its own page does.
      jsonLd: [webSite(site, absolute("/"))],
    }),
  );

  site.questions.forEach((question, index) => {
    html(
      question.url,
      render("question.njk", {
        url: question.url,
        title: `${question.question} - ${site.facts.title}`,
        description: question.summary,
        ogType: "article",
        question,
        number: index + 1,
        previous: site.questions[index - 1],
        next: site.questions[index + 1],
        qrCode: qrCodeSvg(absolute(question.url), `本页链接的二维码：${absolute(question.url)}`),
        jsonLd: [
          faqPage(site, [question], absolute(question.url), absolute),
          breadcrumbs([home, { name: question.question, url: absolute(question.url) }]),
        ],
      }),
    );
  });

  html(
    ALL_URL,
    render("all.njk", {
      url: ALL_URL,
      title: `全文 - ${site.facts.title}`,
      description: site.facts.description,
      sections: allSections(site.questions),
      // Each question's FAQPage markup is on its own page: search engines want it once per site.
      jsonLd: [breadcrumbs([home, { name: "全文", url: absolute(ALL_URL) }])],
    }),
  );

  for (const page of site.pages) {
    html(
      page.url,
      render("page.njk", {
        url: page.url,
        title: `${page.title} - ${site.facts.title}`,
        description: page.summary,
        page,
        jsonLd: [breadcrumbs([home, { name: page.title, url: absolute(page.url) }])],
      }),
    );
  }

  const documents: ReadonlyArray<Question | Page | { url: string; updated: string }> = [
    { url: "/", updated: latest(site) },
    ...site.questions,
    { url: ALL_URL, updated: latest(site) },
    ...site.pages,
  ];
  pages.set("/sitemap.xml", prepare(sitemap(documents, absolute), "application/xml; charset=utf-8", REVALIDATE));
  pages.set(
    "/robots.txt",
    prepare(`User-agent: *\nAllow: /\n\nSitemap: ${absolute("/sitemap.xml")}\n`, "text/plain; charset=utf-8", REVALIDATE),
  );

  const errors = Object.fromEntries(
    ERROR_STATUSES.map((status) => [
      status,
      prepare(render("error.njk", { url: null, title: `${status} - ${site.facts.title}`, status, noindex: true }), HTML, NO_STORE, status),
    ]),
  ) as Record<ErrorStatus, PreparedResponse>;

  return { pages, errors, render };
}

export type Renderer = (template: string, context: Record<string, unknown> & { url: string | null; jsonLd?: object[] }) => string;

function makeRenderer(site: Site, config: Pick<Config, "publicBaseUrl">, assets: Assets, viewsDir: string): Renderer {
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
  return (template, context) =>
    env.render(template, {
      site: site.facts,
      questions: site.questions,
      pages: site.pages,
      baseUrl: config.publicBaseUrl,
      canonical: context.url === null ? null : `${config.publicBaseUrl}${context.url}`,
      ogType: "website",
      noindex: false,
      ...context,
      jsonLd: context.jsonLd?.map((data) => jsonLdScript(data as Record<string, unknown>)) ?? [],
    });
}

function sitemap(documents: ReadonlyArray<{ url: string; updated: string }>, absolute: (url: string) => string): string {
  const entries = documents.map(
    (doc) => `  <url>\n    <loc>${escapeXml(absolute(doc.url))}</loc>\n    <lastmod>${doc.updated}</lastmod>\n  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

function latest(site: Site): string {
  return [...site.questions, ...site.pages].map((doc) => doc.updated).reduce((a, b) => (a > b ? a : b));
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
