// A vote must come from a page of this site. Browsers say where a request comes from with
// Sec-Fetch-Site and Origin, which a page on another site cannot forge; a request with
// neither (an old browser, a script) is not a cross-site form and is let through.
import type { Request } from "express";

export function isSameOrigin(req: Request, publicBaseUrl: string): boolean {
  const site = req.get("sec-fetch-site");
  if (site !== undefined && site !== "same-origin") return false;
  const origin = req.get("origin");
  if (origin === undefined) return true;
  return origin === publicBaseUrl || origin === `${req.protocol}://${req.get("host")}`;
}
