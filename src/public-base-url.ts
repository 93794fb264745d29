// A server others can reach that still names itself localhost writes links no reader can
// follow (canonical links, share links, QR codes, the sitemap): start.ts warns about it once.
import type { Config } from "./config.js";

const LOOPBACK_HOST = /^(localhost|127(\.\d+){3}|::1|\[::1\])$/i;

/** The warning to log at start, or undefined when the base URL fits where the server listens. */
export function baseUrlWarning({ host, publicBaseUrl }: Pick<Config, "host" | "publicBaseUrl">): string | undefined {
  if (LOOPBACK_HOST.test(host)) return undefined;
  if (!LOOPBACK_HOST.test(new URL(publicBaseUrl).hostname)) return undefined;
  return `PUBLIC_BASE_URL is ${publicBaseUrl} while the server listens on ${host}: links, QR codes and the sitemap point readers at their own machine; set PUBLIC_BASE_URL to the address readers use`;
}
