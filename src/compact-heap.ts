// Start-up renders every page and builds the search index in one burst. V8 answers it by
// growing the young generation to its 32 MB maximum and committing old-generation pages well
// past what stays alive, and gives that back on its own only after some 17 s of idleness (its
// "memory reducer"). With 1,000 questions that is 182 MB resident at the first answer instead
// of 130 MB. A low-memory collection once the site is built returns it before the first
// request; under load the young generation grows back within a second or two.
// See docs/performance.md, Start-up.

/**
 * Below this, compacting costs more start-up time (70–90 ms with the four real questions,
 * against a 0.5 s budget) than the memory it returns (about 14 MB, from 110 MB) is worth.
 */
export const COMPACT_ABOVE_BYTES = 128 * 1024 * 1024;

/** Far longer than the collection takes (about 100 ms with 1,000 questions): start-up must not hang on it. */
const TIMEOUT_MS = 10_000;

export type Compaction =
  | { readonly outcome: "compacted"; readonly rssBefore: number; readonly rssAfter: number; readonly ms: number }
  | { readonly outcome: "not needed"; readonly rssBefore: number }
  /** Why the collection could not run: no inspector in this Node, the permission model, a failed call. */
  | { readonly outcome: "failed"; readonly rssBefore: number; readonly reason: string };

/**
 * Runs V8's low-memory collection (full, repeated until nothing more is freed, then the young
 * generation shrunk) if the process is resident above `above` bytes. Node has no API for it;
 * the in-process inspector's HeapProfiler.collectGarbage is exactly that, and needs no port and
 * lets nothing attach. Never rejects: a collection that cannot run leaves memory as it was.
 */
export async function compactHeap(above = COMPACT_ABOVE_BYTES): Promise<Compaction> {
  const rssBefore = process.memoryUsage.rss();
  if (rssBefore <= above) return { outcome: "not needed", rssBefore };
  const began = performance.now();
  try {
    // Imported here: on a Node built without the inspector, importing it throws.
    if (!process.features.inspector) throw new Error("this Node was built without the inspector");
    const { Session } = await import("node:inspector");
    const session = new Session();
    session.connect();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        session.disconnect(); // else the session would stay open for the process's life
        reject(new Error(`no answer within ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      const finish = (error: Error | null) =>
        // Disconnecting inside post's callback hangs Node 20 (seen here); a turn later it does not.
        setImmediate(() => {
          clearTimeout(timer);
          session.disconnect();
          if (error) reject(error);
          else resolve();
        });
      session.post("HeapProfiler.collectGarbage", finish);
    });
  } catch (error) {
    return { outcome: "failed", rssBefore, reason: error instanceof Error ? error.message : String(error) };
  }
  return { outcome: "compacted", rssBefore, rssAfter: process.memoryUsage.rss(), ms: performance.now() - began };
}
