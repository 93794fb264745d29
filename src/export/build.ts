// The site as `npm run export` writes it: the server's page map, rendered with the search box
// pointing at search.html and the browser search module, plus that page, the module and the
// serialised index and tables under content-hashed names.
import { type BuiltSite, buildSite } from "../build-site.js";
import type { Config } from "../config.js";
import type { Site } from "../content/site.js";
import { PAGE_LIMIT, SUGGEST_LIMIT } from "../http/search-route.js";
import { contentHash, IMMUTABLE, type PreparedResponse, REVALIDATE } from "../pages/prepared.js";
import { LINKS, ROUTES } from "../routes.js";
import { createSearch } from "../search/search.js";
import { serialiseIndex } from "../search/serialise.js";
import { bundleSearch } from "./bundle.js";

/** The exported site's own search page: a file a static host serves for the box's form. */
export const STATIC_SEARCH_PATH = ROUTES.exportSearch.path;

export interface ExportedSite {
  readonly built: BuiltSite;
  /** Every URL the export answers: the page map and the search files. */
  readonly pages: ReadonlyMap<string, PreparedResponse>;
  /** URLs of the search module, index and tables, for the report and the tests. */
  readonly search: { readonly module: string; readonly index: string; readonly tables: string };
}

export async function buildExport(site: Site, config: Pick<Config, "publicBaseUrl">): Promise<ExportedSite> {
  const search = createSearch(site.questions, site.synonyms);
  const serialised = serialiseIndex(search.index, site.synonyms);
  const hashed = (stem: string, ext: string, bytes: Buffer) => `${ROUTES.assets.path}${stem}.${contentHash(bytes).slice(0, 10)}${ext}`;
  const indexBytes = Buffer.from(JSON.stringify(serialised.index));
  const tablesBytes = Buffer.from(JSON.stringify(serialised.tables));
  const urls = { index: hashed("search-index", ".json", indexBytes), tables: hashed("search-tables", ".json", tablesBytes) };
  const moduleBytes = await bundleSearch({
    indexUrl: urls.index,
    tablesUrl: urls.tables,
    pageLimit: PAGE_LIMIT,
    suggestLimit: SUGGEST_LIMIT,
  });
  const moduleUrl = hashed("search", ".js", moduleBytes);

  // No feedback form: a static host has nothing to receive the vote.
  const { feedback: _feedback, ...links } = LINKS;
  const built = buildSite(site, config, { links: { ...links, search: STATIC_SEARCH_PATH, searchModule: moduleUrl }, search });
  const pages = new Map(built.pages);
  const json = "application/json; charset=utf-8";
  pages.set(urls.index, built.prepare(indexBytes, { type: json, cache: IMMUTABLE }));
  pages.set(urls.tables, built.prepare(tablesBytes, { type: json, cache: IMMUTABLE }));
  pages.set(moduleUrl, built.prepare(moduleBytes, { type: "text/javascript; charset=utf-8", cache: IMMUTABLE }));
  const searchPage = built.render("search-static.njk", { url: null, title: `搜索 - ${site.facts.title}`, noindex: true, searchQuery: "" });
  pages.set(STATIC_SEARCH_PATH, built.prepare(searchPage, { type: "text/html; charset=utf-8", cache: REVALIDATE }));
  return { built, pages, search: { module: moduleUrl, ...urls } };
}
