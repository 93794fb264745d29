// Shared test set-up: the app production runs (createApp over buildSite), over a content
// folder, without opening a port.
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { DestinationStream, LevelWithSilent } from "pino";
import { createApp, type Lifecycle } from "../src/app.js";
import { buildSite } from "../src/build-site.js";
import { loadSite } from "../src/content/load.js";
import { trustedProxies } from "../src/http/trusted-proxy.js";
import { createLog } from "../src/log.js";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const CONTENT_DIR = path.join(ROOT, "content");
export const BASE_URL = "https://isp-faq.example.com";

export function fixture(name: string): string {
  return path.join(ROOT, "test", "fixtures", name);
}

/** The built site over a content folder, as start-up makes it. */
export function makeSite(contentDir = CONTENT_DIR) {
  return buildSite(loadSite(contentDir), { publicBaseUrl: BASE_URL });
}

/**
 * The request listener production runs, its built site and its lifecycle. Quiet unless a test
 * hands in a stream to read the log from.
 */
export function makeServer(
  contentDir = CONTENT_DIR,
  log?: { destination: DestinationStream; level?: LevelWithSilent },
  { trustProxy = [] }: { trustProxy?: readonly string[] } = {},
) {
  const built = makeSite(contentDir);
  const lifecycle: Lifecycle = { draining: false };
  const logger = log === undefined ? createLog("silent") : createLog(log.level ?? "info", log.destination);
  const trust = trustedProxies(trustProxy);
  return {
    handle: createApp({ built, logger, lifecycle, trust }),
    pages: built.pages,
    errors: built.errors,
    schemes: built.schemes,
    lifecycle,
    logger,
  };
}

/** A log destination whose JSON lines a test can read. */
export function captureLog() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, destination };
}

/** The request listener production runs, as a supertest target. */
export function makeApp(contentDir = CONTENT_DIR) {
  return makeServer(contentDir).handle;
}
