// `npm run dev`: serves the site and rebuilds it when content, views or public files change.
// A rebuild that fails (say, bad front matter) is logged and the last good site keeps
// serving; the fixed file is picked up on the next save. tsx restarts us on src/ changes.
import http from "node:http";
import { watch } from "chokidar";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { loadSite } from "./content/load.js";
import { DEFAULT_DIRS } from "./pages/build-pages.js";

const config = loadConfig(process.env);
const build = () => createApp({ config, site: loadSite(config.contentDir) });

let current = build();
const server = http.createServer((req, res) => current(req, res));
server.listen(config.port, config.host, () => {
  console.log(`Dev server on http://${config.host}:${config.port}, watching ${config.contentDir}/, views/ and public/`);
});

let timer: NodeJS.Timeout | undefined;
function rebuild(changed: string): void {
  clearTimeout(timer);
  // Editors write a file in several steps; wait for the burst to settle.
  timer = setTimeout(() => {
    try {
      current = build();
      console.log(`Rebuilt after a change to ${changed}`);
    } catch (error) {
      console.error(`Still serving the last good version. ${(error as Error).message}`);
    }
  }, 100);
}

// chokidar rather than fs.watch: editors and sed replace files by renaming, and Node 20's
// recursive fs.watch on Linux stops seeing a file after its first replacement.
watch([config.contentDir, DEFAULT_DIRS.views, DEFAULT_DIRS.public], { ignoreInitial: true }).on("all", (_event, file) => rebuild(file));
