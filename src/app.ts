// createApp: the one ordered list of everything a request passes through, as the request
// listener node:http runs. Prepared pages are answered straight from node:http; Express
// handles the rest. Tests build exactly this (test/helpers.ts).
import type { IncomingMessage, RequestListener } from "node:http";
import express from "express";
import type { Logger } from "pino";
import type { BuiltSite } from "./build-site.js";
import type { Feedback } from "./feedback/feedback.js";
import { accessLog } from "./http/access-log.js";
import { errorHandler, notFound } from "./http/errors.js";
import { health } from "./http/health.js";
import { httpError, pathOf, requestGuards } from "./http/request-guards.js";
import { searchRoutes } from "./http/search-route.js";
import { setSecurityHeaders } from "./http/security-headers.js";
import { pageServer, sendPrepared } from "./http/serve-page.js";
import { TRUST_NONE, type TrustProxy } from "./http/trusted-proxy.js";

/** Shared with the code that stops the server: once draining, /readyz says so and connections close. */
export interface Lifecycle {
  draining: boolean;
}

export interface AppOptions {
  readonly built: BuiltSite;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
  /** Votes, the search log and the owner page; without it (most tests) none of them is mounted. */
  readonly feedback?: Feedback;
  /** Which peers are proxies whose X-Request-Id and X-Forwarded-* count (TRUST_PROXY); none by default. */
  readonly trust?: TrustProxy;
}

export function createApp({ built, logger, lifecycle, feedback, trust = TRUST_NONE }: AppOptions): RequestListener {
  const log = accessLog(logger, trust);
  const servePage = pageServer(built.pages, built.schemes);
  const rest = expressApp(built, logger, lifecycle, feedback, trust);
  return (req, res) => {
    // Must come first: it names the request (req.id) that every later log line carries.
    const began = log.begin(req);
    // Before anything answers: Node then closes each connection after its response, so
    // keep-alive clients reconnect to an instance that is staying.
    // No route reads a request body, so Node would read and discard it after answering, for as
    // long as the client cares to trickle it in; closing after the answer ends that at once.
    if (lifecycle.draining || hasBody(req)) res.setHeader("Connection", "close");
    // Prepared pages, before Express: Express's per-request machinery would cost a page most
    // of its throughput (docs/performance.md). The headers Express adds are in each page already.
    try {
      if (!servePage(req, res)) rest(req, res);
    } catch (error) {
      // Express catches what its handlers throw; this is for a bug in front of it, which must
      // cost one request a 500 page, never the process.
      logger.error({ err: error, reqId: req.id, method: req.method, path: pathOf(req.url) }, "unexpected error");
      if (res.headersSent) res.destroy();
      else sendPrepared(req, res, built.errors[500]);
    }
    log.finish(req, res, began);
  };
}

/** Everything that is not a prepared page, in the order it runs. */
function expressApp(
  built: BuiltSite,
  logger: Logger,
  lifecycle: Lifecycle,
  feedback: Feedback | undefined,
  trust: TrustProxy,
): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // req.ip and req.protocol read X-Forwarded-* only from the configured proxies.
  app.set("trust proxy", (address: string) => trust(address));
  app.set("etag", false); // prepared responses carry strong ETags of their own

  // First, so every response, error pages included, carries the security headers.
  app.use(setSecurityHeaders(built.security));
  // Before any lookup: a malformed or oversized URL is answered with 400 or 414.
  app.use(requestGuards);
  // A prepared page asked for with another method than GET or HEAD.
  app.use((req, res, next) => {
    if (!built.pages.has(req.path)) return next();
    res.setHeader("Allow", "GET, HEAD");
    next(httpError(405, `${req.method} is not allowed on ${req.path}`));
  });
  // POST /feedback and /owner: the only routes that touch the store. Here, after the URL
  // guards and before search and 404; a dead store costs these routes a 503, never a page.
  if (feedback !== undefined) for (const route of feedback.routes(built)) app.use(route);
  // The one page made per request: results depend on the query. The index was built with the site.
  // Searches and click-throughs go to the search log's memory; it writes them later.
  app.use(searchRoutes(built, feedback?.searchLog));
  // Trailing slashes: /questions/invoice/ is the same page; send readers to the one URL.
  app.use((req, res, next) => {
    const trimmed = req.path.replace(/\/+$/, "");
    if (trimmed === req.path || !built.pages.has(trimmed) || (req.method !== "GET" && req.method !== "HEAD")) return next();
    // From the parsed path and the query alone: a request line may carry an absolute URL
    // (GET http://other.example/questions/x/), whose host must not reach the Location.
    const query = req.url.indexOf("?");
    res.redirect(301, trimmed + (query === -1 ? "" : req.url.slice(query)));
  });
  app.use(health(() => !lifecycle.draining));
  // Last: 404 means nothing above answered, and errors from any of it end here.
  app.use(notFound(built.errors, built.schemes));
  app.use(errorHandler(built.errors, built.schemes, logger));
  return app;
}

/** Whether a request declares a body: a length above zero, or any transfer coding. */
function hasBody({ headers }: IncomingMessage): boolean {
  const length = headers["content-length"];
  return headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}
