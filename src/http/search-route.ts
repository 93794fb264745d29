// GET /search?q=… (the results page, which works without JavaScript) and GET /search.json?q=…
// (the same results for the as-you-type script). Only these are made per request; a query that
// is too long or repeated gets a 400 page that says so, and every word of it is escaped.
import type { IncomingMessage } from "node:http";
import { type NextFunction, type Request, type Response, Router } from "express";
import type { BuiltSite } from "../build-site.js";
import { NO_STORE, type PreparedResponse, REVALIDATE } from "../pages/prepared.js";
import { contentUrl, ROUTES } from "../routes.js";
import { foldWord } from "../search/fold.js";
import { MAX_FOLDED_LENGTH } from "../search/parse-query.js";
import type { SearchResult } from "../search/search.js";
import { httpError } from "./request-guards.js";
import { inRequestScheme } from "./scheme.js";
import { sendPrepared } from "./serve-page.js";

/** Longer than any question's key words; the box stops typing here too (maxlength). */
export const MAX_QUERY_LENGTH = 100;
/** Results on one page: enough to scan, few enough to mark quickly. */
export const PAGE_LIMIT = 20;
/** Suggestions under the box as a reader types. */
export const SUGGEST_LIMIT = 8;

/** Characters of the query shown in the page's <title>. */
const TITLE_QUERY_LENGTH = 30;
const HTML = "text/html; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

type ReadQuery = { query: string; problem?: undefined } | { query: string; problem: string };

/** Where searches and click-throughs are counted (src/feedback/search-log.ts); kept in memory, written later. */
export interface SearchRecorder {
  search(query: string, results: number): void;
  click(query: string, target: string): void;
}

/** The query as the log counts it: folded like the index, so 发票, 發票 and ＦＡＰＩＡＯ group with their kin. */
export function loggedQuery(query: string): string {
  return foldWord(query) || query;
}

export function searchRoutes({ search, render, prepare, site, schemes }: BuiltSite, recorder?: SearchRecorder): Router {
  const slugs = new Set(site.questions.map((question) => question.slug));
  const siteTitle = site.facts.title;
  /** Made for one request, so not compressed: compressing per request is the work the page map avoids. */
  const perRequest = (body: string, type: string, cache: string, status = 200): PreparedResponse =>
    prepare(body, { type, cache, status, compress: false, extra: NOINDEX });
  const page = (query: string, status: 200 | 400, problem?: string, req?: IncomingMessage): PreparedResponse => {
    const outcome = query === "" || problem !== undefined ? { total: 0, results: [] } : search.search(query, PAGE_LIMIT);
    // Only the results page is logged: the as-you-type JSON would count every prefix typed.
    if (query !== "" && problem === undefined) recorder?.search(loggedQuery(query), outcome.total);
    const html = render("search.njk", {
      url: null, // no canonical: a results page is not a page of the site to index
      title:
        problem !== undefined
          ? `无法搜索 - ${siteTitle}`
          : query === ""
            ? `搜索 - ${siteTitle}`
            : `“${shorten(query)}”的搜索结果 - ${siteTitle}`,
      noindex: true,
      searchQuery: query,
      problem: problem ?? "",
      total: outcome.total,
      results: outcome.results.map((result) => ({ ...resultView(result), go: goUrl(query, result.question.slug) })),
      limit: PAGE_LIMIT,
    });
    return perRequest(req === undefined ? html : inRequestScheme(req, html), HTML, status === 200 ? REVALIDATE : NO_STORE, status);
  };
  // Rendered now so search.njk is compiled at start-up and a template mistake stops the start;
  // its scheme variants are made like the page map's.
  const emptyPage = page("", 200);

  const router = Router();
  router
    .route(ROUTES.search.path)
    .get((req, res) => {
      const { query, problem } = readQuery(req);
      if (problem === undefined && query === "") return sendPrepared(req, res, schemes.for(req, emptyPage));
      sendPrepared(req, res, page(query, problem === undefined ? 200 : 400, problem, req));
    })
    .all(notAllowed);
  router
    .route(ROUTES.searchJson.path)
    .get((req, res) => {
      const { query, problem } = readQuery(req);
      if (problem !== undefined) return sendPrepared(req, res, perRequest(JSON.stringify({ error: problem }), JSON_TYPE, NO_STORE, 400));
      const outcome = query === "" ? { total: 0, results: [] } : search.search(query, SUGGEST_LIMIT);
      const body = { query, total: outcome.total, results: outcome.results.map(resultView) };
      sendPrepared(req, res, perRequest(JSON.stringify(body), JSON_TYPE, REVALIDATE));
    })
    .all(notAllowed);
  // A result link goes through here so the log learns which answer a search led to, with no
  // script. Only a question of this site is a target: anything else is a 404, never a redirect.
  router
    .route(ROUTES.searchGo.path)
    .get((req, res, next) => {
      const { to } = req.query;
      if (typeof to !== "string" || !slugs.has(to)) return next("route");
      const { query, problem } = readQuery(req);
      if (query !== "" && problem === undefined) recorder?.click(loggedQuery(query), to);
      res.setHeader("Cache-Control", "no-store");
      res.redirect(302, contentUrl.question(to));
    })
    .all(notAllowed);
  return router;
}

export function goUrl(query: string, slug: string): string {
  return `${ROUTES.searchGo.path}?${new URLSearchParams({ q: query, to: slug })}`;
}

/**
 * The query as typed, or why it cannot be searched. A repeated q (?q=a&q=b) is refused rather
 * than guessed at; an over-long one keeps its first MAX_QUERY_LENGTH characters in the box.
 */
function readQuery(req: Request): ReadQuery {
  const raw = req.query.q;
  if (raw === undefined) return { query: "" };
  if (typeof raw !== "string") return { query: "", problem: "网址中有不止一个搜索词（q 参数重复）。请在搜索框中重新输入要找的内容。" };
  // Control characters (a %00, a stray tab) are never part of what a reader meant to find.
  const chars = [
    ...raw
      .replace(/\p{Cc}/gu, " ")
      .replace(/\s+/gu, " ")
      .trim(),
  ];
  if (chars.length > MAX_QUERY_LENGTH) {
    return {
      query: chars.slice(0, MAX_QUERY_LENGTH).join(""),
      problem: `搜索词太长：最多 ${MAX_QUERY_LENGTH} 个字，您输入了 ${chars.length} 个字。请缩短后再搜索。`,
    };
  }
  const query = chars.join("");
  // What search reads is the folded query, and folding can multiply its length (one U+FDFA is
  // 18 characters): the limit holds for that too, so no query costs more than a long plain one.
  const folded = [...foldWord(query)].length;
  if (folded > MAX_FOLDED_LENGTH) {
    return {
      query,
      problem: `搜索词太长：最多 ${MAX_FOLDED_LENGTH} 个字，您输入的内容中有特殊符号，展开后共 ${folded} 个字。请缩短后再搜索。`,
    };
  }
  return { query };
}

/** A long query in the <title> would push out the site's name; the heading shows it whole. */
function shorten(query: string): string {
  const chars = [...query];
  return chars.length > TITLE_QUERY_LENGTH ? `${chars.slice(0, TITLE_QUERY_LENGTH).join("")}…` : query;
}

/** What the template and the JSON show of a result: plain data, marks as flags. */
export function resultView(result: SearchResult) {
  return { url: result.question.url, question: result.question.question, title: result.title, snippet: result.snippet };
}

/** Belt and braces with the page's own <meta name="robots">: JSON has no <head>. */
const NOINDEX = [["X-Robots-Tag", "noindex"]] as const;

function notAllowed(req: Request, res: Response, next: NextFunction): void {
  res.setHeader("Allow", "GET, HEAD");
  next(httpError(405, `${req.method} is not allowed on ${req.path}`));
}
