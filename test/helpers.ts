// Shared test set-up: build the server's request handler over a content folder without opening a port.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadSite } from "../src/content/load.js";
import { createLog } from "../src/log.js";
import { createServerHandler, type ServerHandlerOptions } from "../src/server-handler.js";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const CONTENT_DIR = path.join(ROOT, "content");
export const BASE_URL = "https://isp-faq.example.com";

/** Tests stay quiet; a test that wants to read the log passes a log of its own. */
export const silentLog = createLog("silent");

export function fixture(name: string): string {
  return path.join(ROOT, "test", "fixtures", name);
}

type Options = Partial<Omit<ServerHandlerOptions, "config" | "site">>;

/** The whole server handler (fast path, Express app, drain) over the real content or a fixture folder. */
export function makeServer(contentDir = CONTENT_DIR, options: Options = {}) {
  return createServerHandler({ config: { publicBaseUrl: BASE_URL }, site: loadSite(contentDir), log: silentLog, ...options });
}

/** The request listener production runs, as a supertest target. */
export function makeApp(contentDir = CONTENT_DIR, options: Options = {}) {
  return makeServer(contentDir, options).handle;
}
