// `npm run dev`: the configuration check of `npm start` (start.ts), readable logs, and the site
// rebuilt when content, views or public files change. The open browser tab reloads itself after
// each rebuild (dev/reload.ts). While the content (or a template) is broken — at start-up too —
// every page shows the problems as `npm run check` lists them (dev/error-page.ts) and the terminal
// logs them; the process stays up and the site comes back with the fix. tsx restarts the
// process on src/ changes.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { watch } from "chokidar";
import pretty from "pino-pretty";
import { createApp, type Lifecycle } from "./app.js";
import { SITE_DIRS } from "./build-site.js";
import { ContentError } from "./content/load.js";
import { devErrorPage, ERROR_STYLE } from "./dev/error-page.js";
import { DEV_PATHS, liveReload, RELOAD_SCRIPT } from "./dev/reload.js";
import { pathOf } from "./http/request-guards.js";
import { securityHeaders } from "./http/security-headers.js";
import { sendPrepared } from "./http/serve-page.js";
import type { ErrorPages } from "./pages/error-pages.js";
import { NO_STORE, type PreparedResponse, preparer } from "./pages/prepared.js";
import { configure, rebuild, rejectClient, stopOnSignals } from "./start.js";

// One line per request while developing; production keeps every field as JSON.
const setup = configure(
  process.env,
  pretty({
    colorize: process.stdout.isTTY,
    sync: true,
    messageFormat: "{msg}{if method}: {method} {path} {status} in {durationMs} ms{end}",
    ignore: "pid,hostname,reqId,method,path,status,durationMs,changed",
  }),
);
const { config, logger } = setup;
const lifecycle: Lifecycle = { draining: false };
const prepare = preparer(securityHeaders(config));
const reload = liveReload();
// The dev server's own files, with the site's security headers; never cached, as they change with the code.
const devFiles = new Map<string, PreparedResponse>([
  [DEV_PATHS.script, prepare(RELOAD_SCRIPT, { type: "text/javascript; charset=utf-8", cache: NO_STORE, compress: false })],
  [DEV_PATHS.style, prepare(ERROR_STYLE, { type: "text/css; charset=utf-8", cache: NO_STORE, compress: false })],
]);

/** What every request gets now: the last build's site, or the page listing why there is none. */
let current: { app: http.RequestListener; errors: ErrorPages } | { failed: PreparedResponse };

function build(changed?: string): void {
  try {
    const built = rebuild(config);
    current = { app: createApp({ built, logger, lifecycle }), errors: built.errors };
    if (changed !== undefined) logger.info(`Rebuilt after a change to ${changed}`);
  } catch (error) {
    // A ContentError lists every problem as `npm run check` does; anything else (a template
    // typo names its file) shows its message.
    const content = error instanceof ContentError;
    const problems = content ? error.problems : [(error as Error).message];
    current = { failed: devErrorPage({ content, problems }, prepare) };
    logger.error(
      { changed, ...(content ? {} : { err: error }) },
      `Showing the problems in the browser until they are fixed. ${content ? error.message : problems[0]}`,
    );
  }
  reload.changed();
}

build();
const server = http.createServer(
  reload.inject((req, res) => {
    if (reload.events(req, res)) return;
    const file = devFiles.get(pathOf(req.url));
    if (file !== undefined) sendPrepared(req, res, file);
    else if ("failed" in current) sendPrepared(req, res, current.failed);
    else current.app(req, res);
  }),
);
server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
  // With no good build yet there are no error pages of the site's own: a bare 400 then.
  if ("errors" in current) rejectClient(error, socket, current.errors, logger);
  else if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  else socket.destroy();
});
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(`Cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`);
  process.exit(1);
});
const listening = new Promise<number>((resolve) =>
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    logger.info({ address: `http://${config.host}:${port}` }, "listening");
    resolve(port);
  }),
);
// Open event streams never fall idle: end them first, or every stop would wait out the grace period.
process.once("SIGTERM", () => reload.close());
process.once("SIGINT", () => reload.close());
stopOnSignals(server, lifecycle, logger);

let timer: NodeJS.Timeout | undefined;
function onChange(changed: string): void {
  clearTimeout(timer);
  // Editors write a file in several steps; wait for the burst to settle.
  timer = setTimeout(() => build(changed), 100);
}

// chokidar rather than fs.watch: editors and sed replace files by renaming, and Node 20's
// recursive fs.watch on Linux stops seeing a file after its first replacement.
const watcher = watch([config.contentDir, SITE_DIRS.views, SITE_DIRS.public], { ignoreInitial: true }).on("all", (_event, file) =>
  onChange(file),
);
// Announced once both hold: an edit saved before chokidar has scanned the folders would be missed.
const watching = new Promise<void>((resolve) => watcher.once("ready", resolve));
void Promise.all([listening, watching]).then(([port]) => {
  logger.info(`Dev server on http://${config.host}:${port}, watching ${config.contentDir}/, views/ and public/`);
});
// The watcher would keep the process alive after the server has stopped.
server.once("close", () => void watcher.close());
