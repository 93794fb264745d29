import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/http/**/*.test.ts", "test/process/**/*.test.ts"],
    environment: "node",
    // Process tests start real servers and builds; on a busy two-core machine a start can take
    // seconds. A hang still fails, just not a slow start.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
