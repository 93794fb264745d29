// POST /feedback: a reader's 有帮助 / 没帮助, and after 没帮助 an optional reason and comment.
// A plain form post is answered with a redirect back to the question (PRG) whose fragment
// shows the thank-you state with CSS alone; the script asks for JSON and stays on the page.
// The vote is committed before either answer, so an acknowledged vote is never lost.
import express, { type NextFunction, type Request, type Response, Router } from "express";
import { rateLimit } from "express-rate-limit";
import type { Logger } from "pino";
import type { BuiltSite } from "../build-site.js";
import { httpError } from "../http/request-guards.js";
import { sendPrepared } from "../http/serve-page.js";
import { contentUrl, ROUTES } from "../routes.js";
import { dayOf, REASONS, type Reason, type Store } from "../store/store.js";
import type { FeedbackPages } from "./pages.js";
import { readReceipt, signReceipt } from "./receipt.js";
import { isSameOrigin } from "./same-origin.js";

export const FEEDBACK_PATH = ROUTES.feedback.path;
export const MAX_COMMENT = 500;
/** A form of a few fields and a 500-character comment (up to 4 bytes a character, percent-encoded). */
const BODY_LIMIT = "8kb";
const WINDOW_MS = 10 * 60_000;

export interface VoteOptions {
  readonly built: BuiltSite;
  readonly store: Store;
  readonly pages: FeedbackPages;
  readonly logger: Logger;
  readonly publicBaseUrl: string;
  readonly voteLimit: number;
  readonly now?: () => Date;
}

interface VoteForm {
  page: string;
  helpful: boolean;
  reason: Reason | null;
  comment: string | null;
  receipt: unknown;
  json: boolean;
}

export function voteRoute({ built, store, pages, logger, publicBaseUrl, voteLimit, now = () => new Date() }: VoteOptions): Router {
  const slugs = new Set(built.site.questions.map((question) => question.slug));
  const refuse = (req: Request, res: Response, page: keyof FeedbackPages, error: string) => {
    if (wantsJson(req)) {
      res.status(pages[page].status).type("application/json").set("Cache-Control", "no-store").send(JSON.stringify({ error }));
    } else sendPrepared(req, res, built.schemes.for(req, pages[page]));
  };
  // In memory only, keyed on req.ip: Express's "trust proxy" decides whether that is the peer
  // or the client a trusted proxy names, so behind a balancer each reader has their own count.
  const limiter = rateLimit({
    windowMs: WINDOW_MS,
    limit: voteLimit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (req, res) => refuse(req, res, "voteTooOften", "提交太频繁，请过几分钟再试。"),
  });
  let key: Buffer | undefined;
  const receiptKey = async () => {
    key ??= await store.receiptKey();
    return key;
  };

  const router = Router();
  router
    .route(FEEDBACK_PATH)
    .post(
      (req, res, next) =>
        isSameOrigin(req, publicBaseUrl) ? next() : refuse(req, res, "voteCrossSite", "只能在本站的问题页面上提交反馈。"),
      limiter,
      express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 10 }),
      async (req, res) => {
        const form = readForm(req, slugs);
        if (form === undefined) return refuse(req, res, "voteIncomplete", "反馈不完整或格式不正确。");
        const today = dayOf(now());
        try {
          const signing = await receiptKey();
          const previous = readReceipt(signing, form.page, today, form.receipt ?? receiptFromReferer(req));
          const change = { helpful: form.helpful, reason: form.reason, comment: form.comment };
          let id = previous?.id;
          if (id === undefined || !(await store.changeVote(id, form.page, today, change))) {
            id = await store.addVote({ page: form.page, day: today, helpful: form.helpful });
            if (form.reason !== null || form.comment !== null) await store.changeVote(id, form.page, today, change);
          }
          const receipt = signReceipt(signing, form.page, { id, day: today });
          // After 没帮助 with nothing said yet, ask why; otherwise say thank you.
          const state = !form.helpful && form.reason === null && form.comment === null ? "feedback-why" : "feedback-thanks";
          if (form.json) {
            res.status(200).type("application/json").set("Cache-Control", "no-store").send(JSON.stringify({ receipt, state }));
          } else {
            res.redirect(303, `${contentUrl.question(form.page)}?feedback=${encodeURIComponent(receipt)}#${state}`);
          }
        } catch (error) {
          logger.error({ err: error, reqId: req.id }, "vote not saved: the store is unavailable");
          refuse(req, res, "voteUnavailable", "反馈服务暂时不可用，您的反馈没有保存。");
        }
      },
    )
    .all((req: Request, res: Response, next: NextFunction) => {
      res.setHeader("Allow", "POST");
      next(httpError(405, `${req.method} is not allowed on ${req.path}`));
    });
  return router;
}

function readForm(req: Request, slugs: ReadonlySet<string>): VoteForm | undefined {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const { page, vote, reason, comment, receipt, format } = body;
  if (typeof page !== "string" || !slugs.has(page)) return undefined;
  if (vote !== "yes" && vote !== "no") return undefined;
  if (reason !== undefined && reason !== "" && !(REASONS as readonly unknown[]).includes(reason)) return undefined;
  if (comment !== undefined && typeof comment !== "string") return undefined;
  const text = typeof comment === "string" ? comment.replace(/\r\n?/g, "\n").trim() : "";
  if ([...text].length > MAX_COMMENT) return undefined;
  return {
    page,
    helpful: vote === "yes",
    reason: vote === "no" && typeof reason === "string" && reason !== "" ? (reason as Reason) : null,
    comment: text === "" ? null : text,
    receipt,
    json: format === "json",
  };
}

function wantsJson(req: Request): boolean {
  return (req.body as Record<string, unknown> | undefined)?.format === "json" || req.get("accept")?.startsWith("application/json") === true;
}

/**
 * Without JavaScript the receipt is in the thank-you URL (?feedback=…), and the reason form on
 * that page sends it back as the Referer. A browser that strips the Referer gets the reason
 * counted as a new 没帮助 vote: the limit of doing this without a cookie.
 */
function receiptFromReferer(req: Request): string | undefined {
  const referer = req.get("referer");
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).searchParams.get("feedback") ?? undefined;
  } catch {
    return undefined;
  }
}
