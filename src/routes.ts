// The site's own routes in one table: what answers each path, whether it goes in the sitemap,
// and which names a content page may not take. Reserved slugs, the header's links, the
// sitemap and the export's file names all derive from here.

export interface Route {
  /** An exact path, or a prefix when it ends in "/" (every path below it). */
  readonly path: string;
  /** What answers it, for a reader of this table: the page map, a handler, or only a static host. */
  readonly answeredBy:
    | "page map"
    | "search"
    | "search click-through"
    | "health"
    | "feedback"
    | "owner"
    | "static export"
    | "nothing (browsers ask for it)";
  /** Listed in /sitemap.xml beside the questions and pages. */
  readonly inSitemap: boolean;
}

export const ROUTES = {
  contents: { path: "/", answeredBy: "page map", inSitemap: true },
  all: { path: "/all", answeredBy: "page map", inSitemap: true },
  questions: { path: "/questions/", answeredBy: "page map", inSitemap: false },
  assets: { path: "/assets/", answeredBy: "page map", inSitemap: false },
  search: { path: "/search", answeredBy: "search", inSitemap: false },
  searchJson: { path: "/search.json", answeredBy: "search", inSitemap: false },
  searchGo: { path: "/search/go", answeredBy: "search click-through", inSitemap: false },
  feedback: { path: "/feedback", answeredBy: "feedback", inSitemap: false },
  owner: { path: "/owner", answeredBy: "owner", inSitemap: false },
  sitemap: { path: "/sitemap.xml", answeredBy: "page map", inSitemap: false },
  robots: { path: "/robots.txt", answeredBy: "page map", inSitemap: false },
  healthz: { path: "/healthz", answeredBy: "health", inSitemap: false },
  readyz: { path: "/readyz", answeredBy: "health", inSitemap: false },
  // Files the static export writes beside the pages; a page named like them would overwrite them.
  exportIndex: { path: "/index.html", answeredBy: "static export", inSitemap: false },
  exportNotFound: { path: "/404.html", answeredBy: "static export", inSitemap: false },
  exportSearch: { path: "/search.html", answeredBy: "static export", inSitemap: false },
  favicon: { path: "/favicon.ico", answeredBy: "nothing (browsers ask for it)", inSitemap: false },
} as const satisfies Record<string, Route>;

/** Where a question or page lives. The only place URLs for content are made. */
export const contentUrl = {
  question: (slug: string) => `${ROUTES.questions.path}${slug}`,
  page: (slug: string) => `/${slug}`,
};

/** First path segments the site itself uses (extension dropped); a page file may not take one. */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set(
  Object.values(ROUTES)
    .map((route) => route.path.split("/")[1]?.replace(/\.[a-z]+$/, "") ?? "")
    .filter((segment) => segment !== ""),
);

/** The site's own links, handed to every template, so no template spells a path. */
export const LINKS = {
  contents: ROUTES.contents.path,
  all: ROUTES.all.path,
  search: ROUTES.search.path,
  feedback: ROUTES.feedback.path,
  sitemap: ROUTES.sitemap.path,
} as const;

/** Paths the health probes answer; the access log leaves them out. */
export const PROBES: ReadonlySet<string> = new Set([ROUTES.healthz.path, ROUTES.readyz.path]);
