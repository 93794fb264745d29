// `npm run build`: bundles the server and its dependencies into one file, dist/server.js.
// Loading some 400 modules one by one from node_modules would be most of start-up
// (docs/performance.md, Start-up). Type-checking is `npm run typecheck`; esbuild only strips
// the types. test/process/bundle.test.ts builds and runs the result in `npm test`.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/server.ts"],
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Left to Node's own resolver from node_modules rather than bundled: each is reached only on
  // a path the server rarely or never takes (Nunjucks' template watching, qrcode's PNG output,
  // gray-matter's default YAML engine, request-body decoding, a PostgreSQL store), and code in
  // the bundle costs start-up even unrun, since V8 must scan it (docs/performance.md, The
  // bundle). Nothing is stubbed: if one is needed, it loads. better-sqlite3 loads a compiled
  // addon from its own folder, and pg-native is an optional pg backend we do not use.
  external: ["chokidar", "pngjs", "js-yaml", "iconv-lite", "better-sqlite3", "pg", "pg-native"],
  // Run with NODE_OPTIONS=--enable-source-maps to see src/ lines in stack traces.
  sourcemap: true,
  // Express and other CommonJS dependencies call require(); an ES module bundle must provide it.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  logLevel: "warning",
});
