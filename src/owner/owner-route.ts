// GET /owner: what readers said and searched, for the site's owner only. Mounted only when
// OWNER_TOKEN is set; the token is asked for with HTTP Basic (any user name) or sent as a
// Bearer token, compared in constant time; wrong attempts are logged and rate-limited.
// Never cached, never indexed.
import { createHash, timingSafeEqual } from "node:crypto";
import { type Request, type Response, Router } from "express";
import { rateLimit } from "express-rate-limit";
import type { Logger } from "pino";
import type { BuiltSite } from "../build-site.js";
import type { FeedbackPages } from "../feedback/pages.js";
import { inRequestScheme } from "../http/scheme.js";
import { sendPrepared } from "../http/serve-page.js";
import { NO_STORE } from "../pages/prepared.js";
import { ROUTES } from "../routes.js";
import { periodStart, type Store } from "../store/store.js";
import { ownerView, PERIODS } from "./owner-view.js";

const FAILURES_PER_WINDOW = 10;
/** How long a client that sent too many wrong tokens waits; the page that says so names it. */
export const OWNER_LOCKOUT_MINUTES = 15;
const FAILURE_WINDOW_MS = OWNER_LOCKOUT_MINUTES * 60_000;

export interface OwnerOptions {
  readonly built: BuiltSite;
  readonly store: Store;
  readonly pages: FeedbackPages;
  readonly logger: Logger;
  readonly token: string;
}

export function ownerRoute({ built, store, pages, logger, token }: OwnerOptions): Router {
  const expected = digest(token);
  // Counts wrong tokens only: a visit with no token (how every browser's Basic login begins)
  // is neither counted nor refused, and the owner who knows the token is never locked out by
  // their own visits.
  const failures = rateLimit({
    windowMs: FAILURE_WINDOW_MS,
    limit: FAILURES_PER_WINDOW,
    skip: (req) => presented(req.get("authorization")) === undefined,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (req, res) => {
      logger.warn({ reqId: req.id }, "owner page: too many wrong tokens from one client; refused for a while");
      sendPrepared(req, res, built.schemes.for(req, pages.ownerLockedOut));
    },
  });
  const router = Router();
  router.get(ROUTES.owner.path, failures, async (req: Request, res: Response) => {
    const given = presented(req.get("authorization"));
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      if (given !== undefined) logger.warn({ reqId: req.id }, "owner page: wrong token");
      res.setHeader("WWW-Authenticate", 'Basic realm="owner", charset="UTF-8"');
      return sendPrepared(req, res, built.schemes.for(req, pages.ownerLogin));
    }
    const days = PERIODS.includes(Number(req.query.days)) ? Number(req.query.days) : 30;
    try {
      const report = await store.report(periodStart(days));
      const html = inRequestScheme(
        req,
        built.render("owner.njk", {
          url: null,
          title: `读者反馈 - ${built.site.facts.title}`,
          noindex: true,
          ...ownerView(built.site, report, days),
        }),
      );
      sendPrepared(
        req,
        res,
        built.prepare(html, { type: "text/html; charset=utf-8", cache: NO_STORE, compress: false, extra: [["X-Robots-Tag", "noindex"]] }),
      );
    } catch (error) {
      logger.error({ err: error, reqId: req.id }, "owner page: the store is unavailable");
      sendPrepared(req, res, built.schemes.for(req, pages.ownerUnavailable));
    }
  });
  return router;
}

/** Hashing both sides first makes the comparison constant-time whatever the lengths. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function presented(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const [scheme = "", value = ""] = header.split(" ", 2);
  if (scheme.toLowerCase() === "bearer") return value;
  if (scheme.toLowerCase() !== "basic") return undefined;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? undefined : decoded.slice(colon + 1);
}
