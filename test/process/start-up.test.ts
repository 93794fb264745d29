// The real entry point gives back the memory start-up used before it listens, so the first
// request meets the compacted process. Under tsx the process is resident above the threshold
// even with the four real questions (about 150 MB), so the compaction always runs here.
import { afterEach, describe, expect, it } from "vitest";
import { type Child, spawnEntry } from "./spawn.js";

let child: Child | undefined;
afterEach(() => {
  if (child?.process.exitCode === null) child.process.kill("SIGKILL");
});

describe("start-up", () => {
  it("compacts the heap, then listens, and reports resident memory", async () => {
    child = spawnEntry("src/server.ts", { PORT: "0", LOG_LEVEL: "info" });
    const listening = JSON.parse(await child.waitFor(/"msg":"listening"/));
    const lines = child.lines.map((line) => JSON.parse(line));
    const compacted = lines.findIndex((line) => line.msg === "returned start-up memory");
    expect(compacted).toBeGreaterThanOrEqual(0);
    expect(compacted).toBeLessThan(lines.findIndex((line) => line.msg === "listening"));
    const { rssMB, fromMB, ms } = lines[compacted];
    expect(rssMB).toBeLessThan(fromMB);
    expect(ms).toBeGreaterThan(0);
    expect(listening.rssMB).toBeGreaterThan(0);
  });
});
