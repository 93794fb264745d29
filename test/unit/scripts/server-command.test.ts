import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serverArgs, startCommand } from "../../../scripts/server-command.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

describe("the server's launch command", () => {
  it("is package.json's start script, which the bench, the soak and the browser tests run as is", () => {
    const args = serverArgs(ROOT);
    expect(args.at(-1)).toBe(path.join(ROOT, "dist", "server.js"));
    expect(["node", ...args.slice(0, -1), "dist/server.js"].join(" ")).toBe(startCommand(ROOT));
  });

  it("is the one the production instructions give, flags and all", () => {
    for (const doc of ["README.md", "docs/operations.md"]) {
      const commands = readFileSync(path.join(ROOT, doc), "utf8").match(/\bnode (?:--\S+ )*dist\/server\.js/g) ?? [];
      expect(commands.length, doc).toBeGreaterThan(0);
      for (const command of commands) expect(command, doc).toBe(startCommand(ROOT));
    }
  });
});
