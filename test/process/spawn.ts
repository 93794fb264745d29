// Runs a TypeScript entry point as a real child process and reads its JSON log lines.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "../helpers.js";

export interface Child {
  readonly process: ChildProcess;
  readonly lines: string[];
  /** Resolves with the first log line matching, or rejects after timeoutMs. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or the signal that ended it). */
  readonly exited: Promise<number | string>;
}

export function spawnEntry(entry: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    for (const wake of waiters) wake();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "")));
  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = lines.find((candidate) => pattern.test(candidate));
        if (line === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(line);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms; got:\n${lines.join("\n")}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return { process: child, lines, waitFor, exited };
}

export { freePort } from "../../scripts/free-port.js";
