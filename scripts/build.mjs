// `npm run build`: bundles the server and its dependencies into one file, dist/server.js.
// Loading some 400 modules one by one from node_modules was half of start-up (about 0.5 s of
// CPU on this machine; about 0.27 s bundled), and the start-up budget is 0.5 s. See
// docs/performance.md. Type-checking is `npm run typecheck`; esbuild only strips the types.
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";

const require = createRequire(import.meta.url);

/**
 * Modules that dependencies require but the server never runs, replaced in the bundle by a
 * stub that throws if it ever is used, so a change that starts needing one fails loudly. Each
 * costs parse time and memory for as long as the process lives; tests run the real modules
 * (under tsx), and the browser tests run this bundle.
 */
const LEFT_OUT = {
  // gray-matter's default YAML engine; we always hand gray-matter the `yaml` package's parser
  // (src/content/load.ts). Loading js-yaml also loaded esprima from node_modules at run time.
  "js-yaml": "gray-matter's default YAML engine (src/content/load.ts passes its own)",
  // Nunjucks' watch mode, for a FileSystemLoader with `watch: true`; npm run dev runs under tsx.
  chokidar: "Nunjucks' template watching (npm run dev runs src/ under tsx, not this bundle)",
  // qrcode's PNG renderer; we draw the SVG ourselves from its matrix (src/pages/qr-code.ts).
  pngjs: "qrcode's PNG output (src/pages/qr-code.ts draws SVG)",
  // Request-body decoding in body-parser and raw-body, which Express loads; no route reads a body.
  "iconv-lite": "request-body decoding (no route parses a request body)",
};

/**
 * The stub's every export is a function that throws, naming what was left out: requiring it
 * and reading its exports still works (gray-matter binds js-yaml's functions as it loads).
 */
const stub = (name, why) => `
const message = ${JSON.stringify(`${name} is left out of dist/server.js by scripts/build.mjs: ${why}`)};
const fail = () => { throw new Error(message); };
module.exports = new Proxy(fail, { get: (_, key) => (key === "then" ? undefined : fail), apply: fail, construct: fail });
`;

const leaveOut = {
  name: "leave-out",
  setup(b) {
    const names = Object.keys(LEFT_OUT).map((name) => name.replace(/[-/]/g, "\\$&"));
    b.onResolve({ filter: new RegExp(`^(${names.join("|")})$`) }, (args) => ({ path: args.path, namespace: "left-out" }));
    b.onLoad({ filter: /.*/, namespace: "left-out" }, (args) => ({ contents: stub(args.path, LEFT_OUT[args.path]), loader: "js" }));
    // zod's 40-odd message locales: only English is used (zod registers it by importing
    // locales/en.js directly), so the index that re-exports them all offers English alone.
    const zodLocales = path.join(path.dirname(require.resolve("zod/package.json")), "v4", "locales");
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      path.resolve(args.resolveDir, args.path) === path.join(zodLocales, "index.js")
        ? { path: "zod-locales", namespace: "left-out-zod" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "left-out-zod" }, () => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: zodLocales,
      loader: "js",
    }));
  },
};

/**
 * V8 keeps the bundle's source in memory for the life of the process, one byte per character
 * while every character is Latin-1 but two if any one is not, and a few regular expressions
 * and comments in dependencies carry such characters (esbuild escapes them in strings only).
 * Escaping them in each file as it is read keeps the 3 MB bundle one byte per character and
 * the source map exact (it maps to the escaped text). In a regular expression or a comment
 * \uXXXX means the same; nothing we bundle uses String.raw, where it would not.
 */
const asciiOnly = {
  name: "ascii-only",
  setup(b) {
    b.onLoad({ filter: /\.(c|m)?[jt]s$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!/[\u0080-\uffff]/.test(text)) return undefined;
      const escaped = text.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
      return { contents: escaped, loader: /\.(c|m)?ts$/.test(args.path) ? "ts" : "js" };
    });
  },
};

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/server.ts"],
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Run with NODE_OPTIONS=--enable-source-maps to see src/ lines in stack traces.
  sourcemap: true,
  plugins: [leaveOut, asciiOnly],
  // Express and other CommonJS dependencies call require(); an ES module bundle must provide it.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  logLevel: "warning",
});
