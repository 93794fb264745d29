// `npm run dev`: the same start-up as `npm start` (start.ts), with readable logs, and the site
// rebuilt when content, views or public files change. A rebuild that fails (say, bad front
// matter) is logged with each file, field and error, and the last good site keeps serving.
// tsx restarts the process on src/ changes.
import { watch } from "chokidar";
import pretty from "pino-pretty";
import { SITE_DIRS } from "./build-site.js";
import { buildOrExit, configure, rebuild, serve } from "./start.js";

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
const serving = serve(buildOrExit(config), setup);

let timer: NodeJS.Timeout | undefined;
function onChange(changed: string): void {
  clearTimeout(timer);
  // Editors write a file in several steps; wait for the burst to settle.
  timer = setTimeout(() => {
    try {
      serving.replace(rebuild(config));
      logger.info(`Rebuilt after a change to ${changed}`);
    } catch (error) {
      // A ContentError's message lists every problem as "file: field: error"; a template typo names its file.
      logger.error({ changed }, `Still serving the last good version. ${(error as Error).message}`);
    }
  }, 100);
}

// chokidar rather than fs.watch: editors and sed replace files by renaming, and Node 20's
// recursive fs.watch on Linux stops seeing a file after its first replacement.
const watcher = watch([config.contentDir, SITE_DIRS.views, SITE_DIRS.public], { ignoreInitial: true }).on("all", (_event, file) =>
  onChange(file),
);
// Announced once both hold: an edit saved before chokidar has scanned the folders would be missed.
const watching = new Promise<void>((resolve) => watcher.once("ready", resolve));
void Promise.all([serving.listening, watching]).then(([port]) => {
  logger.info(`Dev server on http://${config.host}:${port}, watching ${config.contentDir}/, views/ and public/`);
});
// The watcher would keep the process alive after the server has stopped.
serving.server.once("close", () => void watcher.close());
