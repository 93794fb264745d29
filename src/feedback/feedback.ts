// What readers tell us, as one long-lived object: the store, the batched search log and the
// settings the routes need. start.ts opens it with the server and closes it on a graceful
// stop; createApp mounts its routes over each built site (npm run dev rebuilds the site, not this).
import type { Router } from "express";
import type { Logger } from "pino";
import type { BuiltSite } from "../build-site.js";
import type { Config } from "../config.js";
import { ownerRoute } from "../owner/owner-route.js";
import { openStore } from "../store/open.js";
import { dayOf, type Store } from "../store/store.js";
import { feedbackPages } from "./pages.js";
import { type SearchLog, searchLog } from "./search-log.js";
import { voteRoute } from "./vote-route.js";

export type FeedbackConfig = Pick<Config, "publicBaseUrl" | "dataDir" | "databaseUrl" | "ownerToken" | "retentionDays" | "voteLimit">;

export interface Feedback {
  readonly store: Store;
  readonly searchLog: SearchLog;
  /** The routes over one built site: POST /feedback, and /owner when OWNER_TOKEN is set. */
  routes(built: BuiltSite): Router[];
  /** Writes the waiting search log and closes the store. */
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

export function openFeedback(config: FeedbackConfig, logger: Logger, store: Store = openStore(config, logger)): Feedback {
  const log = searchLog(store, logger);
  // Retention: raw records older than the setting go, at start and once a day after.
  const purge = async () => {
    const before = dayOf(new Date(Date.now() - config.retentionDays * DAY_MS));
    try {
      const purged = await store.purgeBefore(before);
      if (purged.votes + purged.searches + purged.clicks > 0)
        logger.info({ before, ...purged }, "old feedback records deleted (RETENTION_DAYS)");
    } catch (error) {
      logger.warn({ err: error }, "old feedback records not deleted: the store is unavailable; trying again tomorrow");
    }
  };
  void purge();
  const daily = setInterval(() => void purge(), DAY_MS);
  daily.unref();
  return {
    store,
    searchLog: log,
    routes(built) {
      const pages = feedbackPages(built);
      const routes = [voteRoute({ built, store, pages, logger, publicBaseUrl: config.publicBaseUrl, voteLimit: config.voteLimit })];
      if (config.ownerToken !== undefined) routes.push(ownerRoute({ built, store, pages, logger, token: config.ownerToken }));
      return routes;
    },
    async close() {
      clearInterval(daily);
      await log.close();
      await store.close();
    },
  };
}
