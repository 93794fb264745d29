// `npm run build`: bundles the server and its dependencies into one file, dist/server.js, as
// esbuild makes it, nothing left out or rewritten. Loading some 400 modules one by one from
// node_modules would be most of start-up (docs/performance.md, Start-up). Type-checking is
// `npm run typecheck`; esbuild only strips the types. test/process/bundle.test.ts runs the result.
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
  // Run with NODE_OPTIONS=--enable-source-maps to see src/ lines in stack traces.
  sourcemap: true,
  // Express and other CommonJS dependencies call require(); an ES module bundle must provide it.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  // better-sqlite3 loads a compiled addon from its own folder; pg-native is an optional pg backend we do not use.
  external: ["better-sqlite3", "pg-native"],
  logLevel: "warning",
});
