// The start-up path server.ts and dev.ts share: configuration and content checked with a clear
// message and exit 1 (never a stack), one HTTP server, requests Node rejects logged, and a
// graceful stop on SIGTERM or SIGINT. The only server module that listens, handles signals or exits.
import http from "node:http";
import net, { type AddressInfo, type Socket } from "node:net";
import type { DestinationStream, Logger } from "pino";
import { createApp, type Lifecycle } from "./app.js";
import { type BuiltSite, buildSite } from "./build-site.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { ContentError, loadSite } from "./content/load.js";
import { type Feedback, openFeedback } from "./feedback/feedback.js";
import { type ConnectionGuard, guardConnections } from "./http/connections.js";
import { pathOf } from "./http/request-guards.js";
import { sendPrepared } from "./http/serve-page.js";
import { trustedProxies } from "./http/trusted-proxy.js";
import { createLog } from "./log.js";
import type { ErrorPages, ErrorStatus } from "./pages/error-pages.js";
import { baseUrlWarning } from "./public-base-url.js";
import { PROBES } from "./routes.js";

/** How long requests in flight may take after SIGTERM before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;
/**
 * A request head must arrive whole within this; Node's default (60 s, checked every 30 s) let
 * connections that never send a byte hold a descriptor for up to 90 s.
 */
export const HEADERS_TIMEOUT_MS = 5_000;
/** The whole request, body included: bounds a body trickled in for a route that reads one. */
export const REQUEST_TIMEOUT_MS = 15_000;
/**
 * A connection on which nothing has been read or written for this long is closed: a client
 * that stops reading its answers, once its unsent answers have made Node stop reading from it,
 * would otherwise hold the connection for good. Below SHUTDOWN_GRACE_MS, so such a client
 * cannot turn a stop into a forced one. An answer still trickling out counts as activity.
 */
export const STALL_TIMEOUT_MS = 8_000;
/** How often Node looks for connections past those timeouts. */
const TIMEOUT_CHECK_MS = 1_000;

/** Bounds per connection (src/http/connections.ts); MAX_CONNECTIONS comes from the configuration. */
export const CONNECTION_LIMITS = {
  /** Extra connections kept for /healthz and /readyz when the cap is reached. */
  reserve: 64,
  /** A browser never pipelines; a proxy that does waits for far fewer answers than this. */
  maxPipelined: 16,
  firstRequestMs: HEADERS_TIMEOUT_MS,
  overflowMs: 1_000,
  /** Once stopping: a connection with no complete request is closed after this (see connections.ts). */
  drainIdleMs: 500,
} as const;

export interface Setup {
  readonly config: Config;
  readonly logger: Logger;
}

/** Reads the configuration and makes the logger; a bad variable ends the process with its name. */
export function configure(env: NodeJS.ProcessEnv, destination?: DestinationStream): Setup {
  const config = exitOnError(() => loadConfig(env));
  return { config, logger: createLog(config.logLevel, destination) };
}

/** Loads and builds the content folder; a content problem ends the process with the full list. */
export function buildOrExit(config: Config): BuiltSite {
  return exitOnError(() => buildSite(loadSite(config.contentDir), config));
}

/** Loads and builds the content folder, throwing a ContentError (for `npm run dev`, which keeps serving). */
export function rebuild(config: Config): BuiltSite {
  return buildSite(loadSite(config.contentDir), config);
}

function exitOnError<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ContentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export interface Serving {
  readonly server: http.Server;
  readonly lifecycle: Lifecycle;
  readonly connections: ConnectionGuard;
  /** Resolves with the port once listening (the one picked, when PORT=0). */
  readonly listening: Promise<number>;
  /** Swaps in a rebuilt site; requests already being answered finish with the old one. */
  replace(built: BuiltSite): void;
}

/** What `npm run dev` adds; `npm start` passes none of it. */
export interface DevServing {
  /** Wraps the site's listener: live reload, and the problems shown while the content is broken. */
  readonly wrap: (site: http.RequestListener) => http.RequestListener;
  /** Error pages for what is answered outside the listener (overload, malformed requests) while there is no build. */
  readonly errors: ErrorPages;
}

/**
 * Serves a built site: createApp's listener on one node:http server, stopped gracefully by a
 * signal. Only `npm run dev` starts without a build (its content is broken) and wraps the listener.
 */
export function serve(built: BuiltSite | undefined, { config, logger }: Setup, dev?: DevServing): Serving {
  const lifecycle: Lifecycle = { draining: false };
  // Opened lazily by the store itself: a database that is down at start costs votes, not the start.
  const feedback = openFeedback(config, logger);
  const trust = trustedProxies(config.trustProxy);
  // Without a build (dev over broken content) the wrapper answers every request itself.
  let app: http.RequestListener | undefined = built && createApp({ built, logger, lifecycle, feedback, trust });
  const initialErrors = built?.errors ?? dev?.errors;
  if (initialErrors === undefined) throw new Error("serve: neither a built site nor dev's error pages");
  let errors: ErrorPages = initialErrors;
  const site: http.RequestListener = (req, res) => app?.(req, res);
  const handle = dev ? dev.wrap(site) : site;
  const server = http.createServer({
    headersTimeout: HEADERS_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: TIMEOUT_CHECK_MS,
  });
  server.setTimeout(STALL_TIMEOUT_MS);
  const connections = guardConnections(server, { ...CONNECTION_LIMITS, maxConnections: config.maxConnections }, logger);
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const admitted = connections.admit(req, res, PROBES.has(pathOf(req.url)));
    if (admitted === "serve") handle(req, res);
    else if (admitted === "overloaded") sendPrepared(req, res, errors[503]);
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => rejectClient(error, socket, errors, logger));
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`);
    process.exit(1);
  });
  const listening = new Promise<number>((resolve) =>
    server.listen(config.port, config.host, () => {
      const { port } = server.address() as AddressInfo;
      logger.info(
        {
          questions: built?.site.questions.length,
          address: `http://${config.host}:${port}`,
          publicBaseUrl: config.publicBaseUrl,
          rssMB: Math.round(process.memoryUsage.rss() / 1048576),
        },
        "listening",
      );
      const warning = baseUrlWarning(config);
      if (warning !== undefined) logger.warn({ publicBaseUrl: config.publicBaseUrl, host: config.host }, warning);
      resolve(port);
    }),
  );
  stopOnSignals(server, connections, lifecycle, logger, feedback);
  return {
    server,
    lifecycle,
    connections,
    listening,
    replace(next) {
      app = createApp({ built: next, logger, lifecycle, feedback, trust });
      errors = next.errors;
    },
  };
}

/**
 * Node's parser refused the request (malformed, headers too large, too slow) before any
 * listener saw it. Without this handler Node answers on its own and nothing is logged; here
 * the reader gets our page for the status and the operator a line.
 */
/** The statuses Node itself would answer with; any other parse error is a 400. */
const PARSER_STATUS: Readonly<Record<string, ErrorStatus>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

function rejectClient(error: NodeJS.ErrnoException, socket: Socket, errors: BuiltSite["errors"], logger: Logger): void {
  const status = PARSER_STATUS[error.code ?? ""] ?? 400;
  // A client that reset the connection has nothing left to read an answer.
  if (error.code === "ECONNRESET" || !socket.writable) {
    logger.debug({ code: error.code }, "connection reset before a request was complete");
    socket.destroy();
    return;
  }
  logger.info({ status, code: error.code ?? "unknown" }, "request rejected by the HTTP parser");
  const page = errors[status];
  const head = [`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`];
  for (let i = 0; i < page.head.length; i += 2) head.push(`${page.head[i]}: ${page.head[i + 1]}`);
  head.push("Connection: close");
  socket.end(Buffer.concat([Buffer.from(`${head.join("\r\n")}\r\n\r\n`, "latin1"), page.body]));
}

function stopOnSignals(server: http.Server, connections: ConnectionGuard, lifecycle: Lifecycle, logger: Logger, feedback: Feedback): void {
  const stop = (signal: NodeJS.Signals) => {
    if (lifecycle.draining) return;
    lifecycle.draining = true;
    let forced = false;
    // net's close, not http's: since Node 19 http's also resets every connection with no request
    // in progress, including one whose next request is already in its socket buffer. Here the
    // listener stops, and the callback runs once the last connection has closed.
    net.Server.prototype.close.call(server, async () => {
      // The searches still in memory are written before the store closes.
      await feedback.close().catch((error) => logger.warn({ err: error }, "feedback store not closed cleanly"));
      logger.info({ forced }, "stopped");
      // Let the event loop end on its own, so whatever is still finishing finishes; the timer
      // only guards against a handle that would keep the process alive.
      process.exitCode = forced ? 1 : 0;
      setTimeout(() => process.exit(), 2000).unref();
    });
    // Every answer from now on says Connection: close; a connection with no complete request
    // is closed once it has brought none for a moment (an idle one, or one partway through a
    // head, which must not hold a deploy for the whole grace period).
    connections.drain();
    logger.info({ signal }, "shutting down: no new connections, finishing requests in flight");
    setTimeout(() => {
      forced = true;
      logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, "requests still in flight after the grace period; closing their connections");
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
