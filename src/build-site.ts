// buildSite: everything that depends only on content, made once — every page, asset and error
// page as a prepared response, and the search index. After this, a page request is a lookup.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Site } from "./content/site.js";
import { type SchemeVariants, schemeVariants } from "./http/scheme.js";
import { type HeaderList, type SecurityConfig, securityHeaders } from "./http/security-headers.js";
import { loadAssets } from "./pages/assets.js";
import { buildHtmlPages } from "./pages/build-pages.js";
import { buildErrorPages, type ErrorPages } from "./pages/error-pages.js";
import { inlineStyle } from "./pages/inline-style.js";
import { IMMUTABLE, type Prepare, type PreparedResponse, preparer, REVALIDATE } from "./pages/prepared.js";
import { aliasRedirects } from "./pages/redirects.js";
import { type Links, makeRenderer, type Renderer } from "./pages/renderer.js";
import { robotsTxt, sitemapXml } from "./pages/sitemap.js";
import { ROUTES } from "./routes.js";
import { createSearch, type Search } from "./search/search.js";

export interface BuiltSite {
  readonly site: Site;
  /** URL path → response: pages, assets, sitemap, robots.txt. */
  readonly pages: ReadonlyMap<string, PreparedResponse>;
  /** Each HTML page above (and error page below) in the reader's chosen colour scheme, made on first request. */
  readonly schemes: SchemeVariants;
  readonly errors: ErrorPages;
  readonly search: Search;
  /** The same renderer, for the one page made per request (search results). */
  readonly render: Renderer;
  /** Security headers on every response, and the prepare that puts them on per-request answers. */
  readonly security: HeaderList;
  readonly prepare: Prepare;
}

/**
 * The project folder: the nearest one above this module with a package.json. That holds for
 * src/ under tsx and for the bundled dist/server.js alike.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
const ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));
/** Templates and public files ship with the code, not the content; `npm run dev` watches them. */
export const SITE_DIRS = { views: path.join(ROOT, "views"), public: path.join(ROOT, "public") } as const;

/** What `npm run export` changes: its own search links, and the index it already built. */
export interface BuildOptions {
  readonly links?: Links;
  readonly search?: Search;
}

export function buildSite(site: Site, config: SecurityConfig, options: BuildOptions = {}): BuiltSite {
  const style = inlineStyle(SITE_DIRS.public);
  const security = securityHeaders(config, { styleHashes: [style.hash] });
  const prepare = preparer(security);
  const assets = loadAssets(SITE_DIRS.public, prepare);
  const render = makeRenderer(site, config, assets, SITE_DIRS.views, style.css, options.links);
  const absolute = (url: string) => `${config.publicBaseUrl}${url}`;
  const pages = new Map<string, PreparedResponse>([...assets.responses, ...buildHtmlPages(site, config, render, prepare)]);
  pages.set(ROUTES.sitemap.path, prepare(sitemapXml(site, absolute), { type: "application/xml; charset=utf-8", cache: REVALIDATE }));
  pages.set(ROUTES.robots.path, prepare(robotsTxt(absolute), { type: "text/plain; charset=utf-8", cache: REVALIDATE }));
  // Images beside the answers, under hashed URLs like the assets; and each question's former
  // slugs as a 301 to where it lives now.
  for (const image of site.images.values()) pages.set(image.url, prepare(image.bytes, { type: image.type, cache: IMMUTABLE }));
  for (const [url, redirect] of aliasRedirects(site, absolute, prepare)) pages.set(url, redirect);
  return {
    site,
    pages,
    schemes: schemeVariants(prepare),
    errors: buildErrorPages(render, site.facts.title, prepare),
    search: options.search ?? createSearch(site.questions, site.synonyms),
    render,
    security,
    prepare,
  };
}
