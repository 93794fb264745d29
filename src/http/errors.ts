// The last two handlers: nothing answered (404), or something failed. Error pages were
// prepared at start-up; no stack trace or message from the error ever reaches a response.
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { type ErrorPages, isErrorStatus } from "../pages/error-pages.js";
import { pathOf } from "./request-guards.js";
import type { SchemeVariants } from "./scheme.js";
import { sendPrepared } from "./serve-page.js";

export function notFound(errors: ErrorPages, schemes: SchemeVariants) {
  return (req: Request, res: Response) => sendPrepared(req, res, schemes.for(req, errors[404]));
}

export function errorHandler(errors: ErrorPages, schemes: SchemeVariants, logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error); // Express closes the connection
    const status = statusOf(error);
    if (status >= 500) {
      logger.error({ err: error, reqId: req.id, method: req.method, path: pathOf(req.originalUrl) }, "unexpected error");
    }
    // A status we have no page for keeps its number, with the words of the nearest kind.
    const page = isErrorStatus(status) ? errors[status] : status < 500 ? errors[400] : errors[500];
    sendPrepared(req, res, { ...schemes.for(req, page), status });
  };
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}
