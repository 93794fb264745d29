// `npm run dev`: serves the site and rebuilds it when content, views or public files change.
// A rebuild that fails (say, bad front matter) is logged with each file, field and error, and
// the last good site keeps serving; the fixed file is picked up on the next save. tsx
// restarts us on src/ changes. Logs are pino's, made readable by pino-pretty.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { watch } from "chokidar";
import pretty from "pino-pretty";
import { loadConfig } from "./config.js";
import { loadSite } from "./content/load.js";
import { createLog } from "./log.js";
import { DEFAULT_DIRS } from "./pages/build-pages.js";
import { createServerHandler } from "./server-handler.js";

const config = loadConfig(process.env);
// One line per request while developing; production keeps every field as JSON.
const log = createLog(
  config.logLevel,
  pretty({
    colorize: process.stdout.isTTY,
    sync: true,
    messageFormat: "{msg}{if method}: {method} {path} {status} in {durationMs} ms{end}",
    ignore: "pid,hostname,reqId,method,path,status,durationMs,changed",
  }),
);
const { logger } = log;
const build = () => createServerHandler({ config, site: loadSite(config.contentDir), log });

let current: ReturnType<typeof build>;
try {
  current = build();
} catch (error) {
  // No good version yet to fall back on: say what is wrong, as `npm start` does, and stop.
  logger.fatal((error as Error).message);
  process.exit(1);
}
const server = http.createServer((req, res) => current.handle(req, res));
const listening = new Promise<number>((resolve) =>
  server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port)),
);

let timer: NodeJS.Timeout | undefined;
function rebuild(changed: string): void {
  clearTimeout(timer);
  // Editors write a file in several steps; wait for the burst to settle.
  timer = setTimeout(() => {
    try {
      current = build();
      logger.info(`Rebuilt after a change to ${changed}`);
    } catch (error) {
      // A ContentError's message lists every problem as "file: field: error"; a template typo names its file.
      logger.error({ changed }, `Still serving the last good version. ${(error as Error).message}`);
    }
  }, 100);
}

// chokidar rather than fs.watch: editors and sed replace files by renaming, and Node 20's
// recursive fs.watch on Linux stops seeing a file after its first replacement.
const watcher = watch([config.contentDir, DEFAULT_DIRS.views, DEFAULT_DIRS.public], { ignoreInitial: true }).on("all", (_event, file) =>
  rebuild(file),
);
// Announced once both hold: an edit saved before chokidar has scanned the folders would be missed.
const watching = new Promise<void>((resolve) => watcher.once("ready", resolve));
void Promise.all([listening, watching]).then(([port]) => {
  logger.info(`Dev server on http://${config.host}:${port}, watching ${config.contentDir}/, views/ and public/`);
});
