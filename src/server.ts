// Entry point: loadConfig → loadSite → createServerHandler → compactHeap → listen. The only
// file that listens, handles signals or exits; content and config problems end here as one
// clear message.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { AppOptions } from "./app.js";
import { COMPACT_ABOVE_BYTES, compactHeap } from "./compact-heap.js";
import { ConfigError, loadConfig } from "./config.js";
import { ContentError, loadSite } from "./content/load.js";
import { createLog } from "./log.js";
import { createServerHandler } from "./server-handler.js";

/** How long requests in flight may take after SIGTERM before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface StartOptions {
  /** For tests that run this very entry point in a child process (test/process/). */
  testRoutes?: AppOptions["testRoutes"];
  /** Resident memory above which start-up memory is returned before listening; tests set 0. */
  compactAboveBytes?: number;
}

export function startServer(
  env: Record<string, string | undefined> = process.env,
  { testRoutes, compactAboveBytes = COMPACT_ABOVE_BYTES }: StartOptions = {},
): http.Server {
  let config: ReturnType<typeof loadConfig>;
  let site: ReturnType<typeof loadSite>;
  try {
    config = loadConfig(env);
    site = loadSite(config.contentDir);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ContentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLog(config.logLevel);
  const { logger } = log;
  const handler = createServerHandler({ config, site, log, testRoutes });
  const server = http.createServer(handler.handle);
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`);
    process.exit(1);
  });
  let stopping = false;
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  // Before listening, so that the first request already meets the compacted process.
  void compactHeap(compactAboveBytes).then((compaction) => {
    // SIGTERM or SIGINT while the collection ran: the process is stopping and never listens.
    if (stopping) return;
    if (compaction.outcome === "compacted") {
      const { rssBefore, rssAfter, ms } = compaction;
      logger.info({ rssMB: mb(rssAfter), fromMB: mb(rssBefore), ms: Math.round(ms) }, "returned start-up memory");
    } else if (compaction.outcome === "failed") {
      logger.warn({ rssMB: mb(compaction.rssBefore), reason: compaction.reason }, "could not return start-up memory");
    }
    server.listen(config.port, config.host, () => {
      const { port } = server.address() as AddressInfo; // the one picked, when PORT=0
      logger.info(
        {
          questions: site.questions.length,
          address: `http://${config.host}:${port}`,
          publicBaseUrl: config.publicBaseUrl,
          rssMB: mb(process.memoryUsage.rss()),
        },
        "listening",
      );
    });
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    handler.drain();
    let forced = false;
    server.close(() => {
      logger.info({ forced }, "stopped");
      // Let the event loop end on its own, so whatever is still finishing finishes; the timer
      // only guards against a handle that would keep the process alive.
      process.exitCode = forced ? 1 : 0;
      setTimeout(() => process.exit(), 2000).unref();
    });
    // Requests that arrived before the signal were answered keep-alive; close each connection
    // as soon as it falls idle instead of waiting out the keep-alive timeout.
    server.closeIdleConnections();
    logger.info({ signal }, "shutting down: no new connections, finishing requests in flight");
    setInterval(() => server.closeIdleConnections(), 50).unref();
    setTimeout(() => {
      forced = true;
      logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, "requests still in flight after the grace period; closing their connections");
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}

// Run when started as a program (node dist/server.js), not when a test entry imports startServer.
if (process.argv[1] === fileURLToPath(import.meta.url)) startServer();
