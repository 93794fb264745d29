// compactHeap: after a burst like start-up's, the young generation V8 grew for it is given
// back at once, and nothing is done below the threshold.
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { compactHeap } from "../../src/compact-heap.js";

const youngGeneration = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0;

/** Many objects that survive a few scavenges before dying, as pages and index entries do while built. */
function burst(): number {
  let kept: object[] = [];
  let total = 0;
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i < 20_000; i++) kept.push({ round, i, text: `问题 ${round}-${i}` });
    if (kept.length > 200_000) {
      total += kept.length;
      kept = [];
    }
  }
  return total + kept.length;
}

describe("compactHeap", () => {
  it("shrinks the young generation a burst of allocation grew", async () => {
    const before = youngGeneration();
    expect(burst()).toBe(800_000);
    const grown = youngGeneration();
    expect(grown).toBeGreaterThan(before); // else this test shows nothing

    const compaction = await compactHeap(0);
    if (compaction.outcome !== "compacted") throw new Error(`not compacted: ${JSON.stringify(compaction)}`);
    expect(compaction.ms).toBeGreaterThan(0);
    // V8's smallest young generation is 1 MB; the burst grew it well beyond that.
    expect(youngGeneration()).toBeLessThan(grown / 4);
    expect(compaction.rssAfter).toBeLessThan(compaction.rssBefore);
  });

  it("leaves a process under the threshold alone", async () => {
    burst();
    const grown = youngGeneration();
    expect(await compactHeap(Number.POSITIVE_INFINITY)).toEqual({ outcome: "not needed", rssBefore: expect.any(Number) });
    expect(youngGeneration()).toBe(grown);
  });

  it("reports why, and never throws, where this Node has no inspector", async () => {
    const original = Object.getOwnPropertyDescriptor(process.features, "inspector") as PropertyDescriptor;
    Object.defineProperty(process.features, "inspector", { ...original, value: false });
    try {
      expect(await compactHeap(0)).toEqual({
        outcome: "failed",
        rssBefore: expect.any(Number),
        reason: "this Node was built without the inspector",
      });
    } finally {
      Object.defineProperty(process.features, "inspector", original);
    }
  });
});
