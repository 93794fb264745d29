// Bundles the exported site's search module (src/browser/search.ts) with esbuild: the server's
// search code as it is, with opencc-js and pinyin-pro swapped for the export's small tables
// (src/browser/opencc-t2cn.ts, pinyin-pro.ts), so the module stays a few kilobytes.
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const browser = (name: string) => fileURLToPath(new URL(`../browser/${name}`, import.meta.url));

/** The two dictionaries the server loads, and the table-backed stand-ins the browser gets. */
const STAND_INS: Readonly<Record<string, string>> = {
  "opencc-js/t2cn": browser("opencc-t2cn.ts"),
  "pinyin-pro": browser("pinyin-pro.ts"),
};

const standIns: Plugin = {
  name: "search-stand-ins",
  setup(build) {
    build.onResolve({ filter: /^(opencc-js\/t2cn|pinyin-pro)$/ }, (args) => ({ path: STAND_INS[args.path] as string }));
  },
};

export interface ModuleSettings {
  readonly indexUrl: string;
  readonly tablesUrl: string;
  readonly pageLimit: number;
  readonly suggestLimit: number;
}

/** An ES module for browsers (or Node, for the agreement test): `entry` is search.ts or engine.ts. */
export async function bundleSearch(settings: ModuleSettings, entry: "search.ts" | "engine.ts" = "search.ts"): Promise<Buffer> {
  const result = await build({
    entryPoints: [browser(entry)],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    // Intl.Segmenter is the newest thing it needs: Chrome 87, Safari 14.1, Firefox 125.
    target: "es2020",
    minify: true,
    legalComments: "none",
    plugins: [standIns],
    define: {
      INDEX_URL: JSON.stringify(settings.indexUrl),
      TABLES_URL: JSON.stringify(settings.tablesUrl),
      PAGE_LIMIT: String(settings.pageLimit),
      SUGGEST_LIMIT: String(settings.suggestLimit),
    },
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild wrote no search module");
  return Buffer.from(output.contents);
}
