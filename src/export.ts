// `npm run export [-- folder]`: writes the whole site to a folder (default export/) for a static
// host or CDN. The folder is replaced only if an earlier export made it, so a typo in the
// folder name cannot wipe anything else. PUBLIC_BASE_URL sets canonical links and the sitemap.
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSite } from "./build-site.js";
import { ConfigError, loadConfig } from "./config.js";
import { ContentError, loadSite } from "./content/load.js";

import { exportSite } from "./pages/export-site.js";

/** Left in every export so the next one knows the folder is its own to replace. */
const MARKER = ".faq-export";

function main(dir = "export"): void {
  try {
    const config = loadConfig(process.env);
    const built = buildSite(loadSite(config.contentDir), config);
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      if (!existsSync(path.join(dir, MARKER))) {
        console.error(`${dir} exists and was not made by npm run export; choose an empty or new folder.`);
        process.exit(1);
      }
      rmSync(dir, { recursive: true });
    }
    const files = exportSite(built, dir);
    writeFileSync(path.join(dir, MARKER), "Made by npm run export; the next export replaces this folder.\n");
    console.log(`Exported ${files.length} files for ${config.publicBaseUrl} to ${dir}/`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ContentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

main(process.argv[2]);
