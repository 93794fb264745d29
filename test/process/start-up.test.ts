// The real entry point gives back the memory start-up used before it listens, so the first
// request meets the compacted process; a signal in that window stops it without listening.
import { afterEach, describe, expect, it } from "vitest";
import { type Child, spawnEntry } from "./spawn.js";

let child: Child | undefined;
afterEach(() => {
  if (child?.process.exitCode === null) child.process.kill("SIGKILL");
});

/** The JSON log lines (a debugger or Node itself may add others to stderr). */
const logLines = (lines: readonly string[]) => lines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));

describe("start-up", () => {
  it("compacts the heap, then listens, and reports resident memory", async () => {
    child = spawnEntry("test/process/compacting-server.ts", { PORT: "0", LOG_LEVEL: "info" });
    await child.waitFor(/"msg":"listening"/);
    const lines = logLines(child.lines);
    const compacted = lines.findIndex((line) => line.msg === "returned start-up memory");
    const listening = lines.findIndex((line) => line.msg === "listening");
    expect(compacted).toBeGreaterThanOrEqual(0);
    expect(compacted).toBeLessThan(listening);
    const { rssMB, fromMB, ms } = lines[compacted];
    expect(rssMB).toBeLessThan(fromMB);
    expect(ms).toBeGreaterThan(0);
    expect(lines[listening].rssMB).toBeGreaterThan(0);
  });

  it("stops with exit code 0 and never listens when signalled before it listens", async () => {
    child = spawnEntry("test/process/compacting-server.ts", { PORT: "0", LOG_LEVEL: "info", STOP_AT_ONCE: "1" });
    expect(await child.exited).toBe(0);
    const messages = logLines(child.lines).map((line) => line.msg);
    expect(messages).toContain("stopped");
    expect(messages).not.toContain("listening");
    expect(messages).not.toContain("returned start-up memory");
  });
});
