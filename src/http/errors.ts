// The last two handlers: nothing answered (404), or something failed. Error pages were
// prepared at start-up; no stack trace or message from the error ever reaches a response.
import type { NextFunction, Request, Response } from "express";
import type { BuiltSite, ErrorStatus } from "../pages/build-pages.js";
import { send } from "./serve-prepared.js";

export function notFound(errors: BuiltSite["errors"]) {
  return (req: Request, res: Response) => send(req, res, errors[404]);
}

export function errorHandler(errors: BuiltSite["errors"], log: (error: unknown, req: Request) => void) {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error); // Express closes the connection
    const status = statusOf(error);
    if (status >= 500) log(error, req);
    // A 4xx we have no page for (say, 413 from a body parser) still keeps its status.
    const page = errors[status as ErrorStatus] ?? (status < 500 ? errors[400] : errors[500]);
    send(req, res, { ...page, status });
  };
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}
