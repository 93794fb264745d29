// `npm run build`: bundles the server and its dependencies into one file, dist/server.js.
// Loading some 400 modules one by one from node_modules was half of start-up (about 0.5 s of
// CPU on this machine; about 0.27 s bundled), and the start-up budget is 0.5 s. See
// docs/performance.md. Type-checking is `npm run typecheck`; esbuild only strips the types.
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
  logLevel: "warning",
});
