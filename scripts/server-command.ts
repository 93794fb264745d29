// How the server is started: the command in package.json's "start" script, Node flags
// included if it ever has any, read here so that the bench, the soak and the browser tests run
// dist/server.js exactly as `npm start` and the production command in docs/operations.md do.
// Why it has none now: docs/performance.md, "Start-up and memory".
import { readFileSync } from "node:fs";
import path from "node:path";

const START = /^node((?: --[a-z0-9-]+(?:=\S+)?)*) dist\/server\.js$/;

/** The "start" script: `node [--flag…] dist/server.js`, as written in package.json. */
export function startCommand(root: string): string {
  const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const start = scripts?.start ?? "";
  if (!START.test(start))
    throw new Error(`package.json: expected "start" to be "node [--flag…] dist/server.js", got ${JSON.stringify(start)}`);
  return start;
}

/** Arguments for process.execPath that start the built server as `npm start` does. */
export function serverArgs(root: string): string[] {
  const flags = START.exec(startCommand(root))?.[1]?.trim() ?? "";
  return [...(flags === "" ? [] : flags.split(" ")), path.join(root, "dist", "server.js")];
}
