// The app with feedback mounted over a given store, as start.ts makes it.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LevelWithSilent } from "pino";
import { afterEach } from "vitest";
import { createApp } from "../src/app.js";
import { openFeedback } from "../src/feedback/feedback.js";
import { createLog } from "../src/log.js";
import { openStore } from "../src/store/open.js";
import type { Store } from "../src/store/store.js";
import { BASE_URL, captureLog, makeSite } from "./helpers.js";

export const OWNER_TOKEN = "owner-token-for-tests-0123";

export function makeFeedbackApp(store: Store, options: { voteLimit?: number; level?: LevelWithSilent } = {}) {
  const log = captureLog();
  const logger = createLog(options.level ?? "warn", log.destination);
  const built = makeSite();
  const feedback = openFeedback(
    {
      publicBaseUrl: BASE_URL,
      dataDir: "unused",
      databaseUrl: undefined,
      ownerToken: OWNER_TOKEN,
      retentionDays: 400,
      voteLimit: options.voteLimit ?? 1000,
    },
    logger,
    store,
  );
  const handle = createApp({ built, logger, lifecycle: { draining: false }, feedback });
  return { handle, feedback, built, log: log.lines, slug: built.site.questions[0]?.slug as string };
}

/**
 * Real SQLite stores in fresh temporary folders (or the folder given), closed after each test
 * of the file that calls this.
 */
export function sqliteStores(prefix: string) {
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  return (dataDir = mkdtempSync(path.join(os.tmpdir(), prefix))) => {
    const store = openStore({ dataDir }, createLog("silent"));
    stores.push(store);
    return store;
  };
}
