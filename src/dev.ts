// `npm run dev`: the configuration check of `npm start` (start.ts), readable logs, and the site
// rebuilt when content, views or public files change. The open browser tab reloads itself after
// each rebuild (dev/reload.ts). While the content (or a template) is broken — at start-up too —
// every page shows the problems as `npm run check` lists them (dev/error-page.ts) and the terminal
// logs them; the process stays up and the site comes back with the fix. tsx restarts the
// process on src/ changes.
import type { RequestListener } from "node:http";
import { watch } from "chokidar";
import pretty from "pino-pretty";
import { type BuiltSite, SITE_DIRS } from "./build-site.js";
import { ContentError } from "./content/load.js";
import { devErrorPage, devStatusPages, ERROR_STYLE } from "./dev/error-page.js";
import { DEV_PATHS, liveReload, RELOAD_SCRIPT } from "./dev/reload.js";
import { pathOf } from "./http/request-guards.js";
import { securityHeaders } from "./http/security-headers.js";
import { sendPrepared } from "./http/serve-page.js";
import { NO_STORE, type PreparedResponse, preparer } from "./pages/prepared.js";
import { configure, rebuild, serve } from "./start.js";

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
const prepare = preparer(securityHeaders(config));
const reload = liveReload();
// The dev server's own files, with the site's security headers; never cached, as they change with the code.
const devFiles = new Map<string, PreparedResponse>([
  [DEV_PATHS.script, prepare(RELOAD_SCRIPT, { type: "text/javascript; charset=utf-8", cache: NO_STORE, compress: false })],
  [DEV_PATHS.style, prepare(ERROR_STYLE, { type: "text/css; charset=utf-8", cache: NO_STORE, compress: false })],
]);

/** The page every request gets while the last build failed; undefined while the site builds. */
let failed: PreparedResponse | undefined;

/** Builds the site, or keeps the page listing why it cannot be built; either way open tabs reload. */
function build(changed?: string): BuiltSite | undefined {
  try {
    const built = rebuild(config);
    failed = undefined;
    if (changed !== undefined) logger.info(`已按 ${changed} 的改动重新生成网站`);
    return built;
  } catch (error) {
    // A ContentError lists every problem as `npm run check` does; anything else (a template
    // typo names its file) shows its message.
    const content = error instanceof ContentError;
    const problems = content ? error.problems : [(error as Error).message];
    failed = devErrorPage({ content, problems }, prepare);
    logger.error(
      { changed, ...(content ? {} : { err: error }) },
      `改好之前，浏览器里每一页都显示问题清单。${content ? error.message : problems[0]}`,
    );
    return undefined;
  } finally {
    reload.changed();
  }
}

const wrap = (site: RequestListener): RequestListener =>
  reload.inject((req, res) => {
    if (reload.events(req, res)) return;
    const file = devFiles.get(pathOf(req.url));
    if (file !== undefined) sendPrepared(req, res, file);
    else if (failed !== undefined) sendPrepared(req, res, failed);
    else site(req, res);
  });
const serving = serve(build(), setup, { wrap, errors: devStatusPages(prepare) });
// Open event streams never fall idle: end them first, or every stop would wait out the grace period.
process.once("SIGTERM", () => reload.close());
process.once("SIGINT", () => reload.close());

let timer: NodeJS.Timeout | undefined;
function onChange(changed: string): void {
  clearTimeout(timer);
  // Editors write a file in several steps; wait for the burst to settle.
  timer = setTimeout(() => {
    const built = build(changed);
    if (built !== undefined) serving.replace(built);
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
  logger.info(`开发服务器已启动：http://${config.host}:${port}（${config.contentDir}/、views/ 和 public/ 里的文件一保存，页面就自动刷新）`);
});
// The watcher would keep the process alive after the server has stopped.
serving.server.once("close", () => void watcher.close());
