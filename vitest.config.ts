import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/http/**/*.test.ts", "test/process/**/*.test.ts"],
    environment: "node",
  },
});
