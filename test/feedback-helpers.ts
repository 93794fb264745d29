// The app with feedback mounted over a given store, as start.ts makes it.
import type { LevelWithSilent } from "pino";
import { createApp } from "../src/app.js";
import { openFeedback } from "../src/feedback/feedback.js";
import { createLog } from "../src/log.js";
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
