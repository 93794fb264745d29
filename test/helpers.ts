// Shared test set-up: build the app over a content folder without opening a port.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "../src/app.js";
import { loadSite } from "../src/content/load.js";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const CONTENT_DIR = path.join(ROOT, "content");
export const BASE_URL = "https://isp-faq.example.com";

export function fixture(name: string): string {
  return path.join(ROOT, "test", "fixtures", name);
}

/** The app over the real content (or a fixture folder), as a supertest target. */
export function makeApp(contentDir = CONTENT_DIR, options: { logError?: (error: unknown) => void } = {}) {
  return createApp({ config: { publicBaseUrl: BASE_URL }, site: loadSite(contentDir), ...options });
}
