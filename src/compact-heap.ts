// Start-up renders every page and builds the search index in one burst. V8 answers it by
// growing the young generation to its 32 MB maximum and committing old-generation pages well
// past what stays alive, and gives that back on its own only after some 17 s of idleness (its
// "memory reducer"). With 1,000 questions that is 182 MB resident at the first answer instead
// of 130 MB. A low-memory collection once the site is built returns it before the first
// request; under load the young generation grows back within a second or two.
// See docs/performance.md, Start-up.
import { Session } from "node:inspector";

/**
 * Below this, compacting costs more start-up time (70–90 ms with the four real questions,
 * against a 0.5 s budget) than the memory it returns (about 14 MB, from 110 MB) is worth.
 */
export const COMPACT_ABOVE_BYTES = 128 * 1024 * 1024;

export interface Compaction {
  readonly rssBefore: number;
  readonly rssAfter: number;
  readonly ms: number;
}

/**
 * Runs V8's low-memory collection (full, repeated until nothing more is freed, then the young
 * generation shrunk) if the process is resident above `above` bytes. It is reached through the
 * in-process inspector: no port is opened and nothing can attach. Resolves undefined when
 * under the threshold, or where Node was built without the inspector.
 */
export async function compactHeap(above = COMPACT_ABOVE_BYTES): Promise<Compaction | undefined> {
  const rssBefore = process.memoryUsage.rss();
  if (rssBefore <= above) return undefined;
  const began = performance.now();
  let session: Session;
  try {
    session = new Session();
    session.connect();
  } catch {
    return undefined;
  }
  // Disconnecting inside post's callback hangs Node 20 (seen here); a turn later it does not.
  const collected = await new Promise<boolean>((resolve) => {
    const finish = (ok: boolean) =>
      setImmediate(() => {
        session.disconnect();
        resolve(ok);
      });
    try {
      session.post("HeapProfiler.collectGarbage", (error) => finish(error === null));
    } catch {
      finish(false);
    }
  });
  if (!collected) return undefined;
  return { rssBefore, rssAfter: process.memoryUsage.rss(), ms: performance.now() - began };
}
