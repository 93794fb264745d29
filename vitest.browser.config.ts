// `npm run test:browser`: the pages in Debian's Chromium, against the built server. Kept out
// of `npm test` because it needs Chromium and a build; one file at a time, as the machine is small.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/browser/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
