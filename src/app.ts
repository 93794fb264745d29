// createApp({ config, site }): the Express app, built without listening so tests can drive
// it in-process. Pages are prepared here, once; the middleware below runs in this order.
import express, { type Express, type Request } from "express";
import type { Config } from "./config.js";
import type { Site } from "./content/site.js";
import { errorHandler, notFound } from "./http/errors.js";
import { health } from "./http/health.js";
import { requestGuards } from "./http/request-guards.js";
import { securityHeaders } from "./http/security-headers.js";
import { servePrepared } from "./http/serve-prepared.js";
import { type BuiltSite, buildPages, DEFAULT_DIRS } from "./pages/build-pages.js";
import { createSearch } from "./search/search.js";
import { searchRoutes } from "./search/search-route.js";

export interface AppOptions {
  config: Pick<Config, "publicBaseUrl">;
  site: Site;
  /** Where templates and public files live; tests may point elsewhere. */
  dirs?: typeof DEFAULT_DIRS;
  /** Where unexpected errors are reported; stderr unless a test wants to look. */
  logError?: (error: unknown, req: Request) => void;
  /** Pages already built from site (createServerHandler shares them with the fast path). */
  built?: BuiltSite;
  /** What /readyz reports; false once the server has begun to shut down. */
  isReady?: () => boolean;
  /** Test-only routes (a deliberately slow one, say), mounted just before the 404. */
  testRoutes?: (app: Express) => void;
}

export function createApp({
  config,
  site,
  dirs = DEFAULT_DIRS,
  logError = defaultLogError,
  built = buildPages(site, config, dirs),
  isReady = () => true,
  testRoutes,
}: AppOptions): Express {
  const search = createSearch(site.questions, site.synonyms);
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false); // prepared responses carry strong ETags of their own

  // First, so every response, error pages included, carries the security headers.
  app.use(securityHeaders);
  // Before any lookup: a malformed or oversized URL is answered with 400 or 414.
  app.use(requestGuards);
  app.use(servePrepared(built.pages));
  // The one page made per request: results depend on the query. The index was built above.
  app.use(searchRoutes(search, built.render, site.facts.title));
  // Trailing slashes: /questions/invoice/ is the same page; send readers to the one URL.
  app.use((req, res, next) => {
    const trimmed = req.path.replace(/\/+$/, "");
    if (trimmed === req.path || !built.pages.has(trimmed) || (req.method !== "GET" && req.method !== "HEAD")) return next();
    res.redirect(301, trimmed + req.url.slice(req.path.length));
  });
  app.use(health(isReady));
  testRoutes?.(app);
  app.use(notFound(built.errors));
  app.use(errorHandler(built.errors, logError));
  return app;
}

function defaultLogError(error: unknown, req: Request): void {
  console.error(`${new Date().toISOString()} ${req.method} ${req.originalUrl.slice(0, 200)}:`, error);
}
