// Probes for whatever runs the process. /healthz: the process answers (liveness). /readyz:
// it wants traffic; false from the moment it starts shutting down, so a balancer stops sending.
import { type Request, type Response, Router } from "express";
import { ROUTES } from "../routes.js";

export function health(isReady: () => boolean) {
  const router = Router();
  const answer = (res: Response, status: number, text: string) => {
    res.status(status).set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).send(text);
  };
  router.get(ROUTES.healthz.path, (_req: Request, res: Response) => answer(res, 200, "ok\n"));
  router.get(ROUTES.readyz.path, (_req: Request, res: Response) =>
    isReady() ? answer(res, 200, "ready\n") : answer(res, 503, "shutting down\n"),
  );
  return router;
}
