// The one pino logger: JSON lines on stdout for the log shipper. Tests pass "silent" or a
// stream of their own; `npm run dev` passes a pretty stream (dev.ts).
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const satisfies readonly LevelWithSilent[];

export function createLog(level: LevelWithSilent, destination?: DestinationStream): Logger {
  return pino({ level }, destination ?? stdout());
}

/**
 * pino's own buffered destination: lines gather until 4 KB and go out in one write, rather than
 * one write(2) per request (docs/performance.md, Logging). A timer flushes what a quiet
 * moment leaves behind, and pino flushes the rest on exit.
 */
function stdout(): DestinationStream {
  if (shared !== undefined) return shared;
  const destination = pino.destination({ dest: 1, minLength: 4096, sync: true });
  setInterval(() => destination.flush(), FLUSH_EVERY_MS).unref();
  process.on("exit", () => destination.flushSync());
  shared = destination;
  return destination;
}

/** One buffer for the process's stdout, however many loggers write to it (dev rebuilds, tests). */
let shared: DestinationStream | undefined;

/** Longest a line waits in the buffer when requests are few. */
const FLUSH_EVERY_MS = 250;
