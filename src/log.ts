// The one pino logger: JSON lines on stdout for the log shipper, one per request and one per
// error. Tests pass "silent"; `npm run dev` passes a pretty stream (dev.ts).
import os from "node:os";
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";
import { batchPerTurn } from "./log-batch.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const satisfies readonly LevelWithSilent[];

/** What one access line says about a request that was answered. */
export interface RequestEntry {
  readonly reqId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
}

export interface Log {
  readonly logger: Logger;
  /** Writes the line `logger.info(entry, "request")` would write, byte for byte (test/unit/log.test.ts). */
  request(entry: RequestEntry): void;
}

export function createLog(level: LevelWithSilent, destination?: DestinationStream): Log {
  // Synchronous writes on this thread, as pino does by default, gathered into one write per
  // turn of the event loop. pino's asynchronous destination hands batches to libuv's thread
  // pool instead, whose wake-ups cost more per request than the writes (docs/performance.md).
  const stream = destination ?? batchPerTurn(pino.destination({ sync: true }));
  // pino's own default base fields, named here so the access line below can carry the same.
  const base = { pid: process.pid, hostname: os.hostname() };
  const logger = pino({ level, base }, stream);
  // The access line is the one line written for every request. pino's general-purpose
  // serializer walks the object and escapes each value, about 4.5 µs a line here against 2.5 µs
  // for this template, and a page is served in about 32 µs (docs/performance.md). The fields
  // are fixed, so the line is laid out once: pino's level and time, its base fields (pid and
  // hostname), ours, then the message, as pino orders them.
  const infoLevel = logger.levels.values.info;
  const baseFields = Object.entries(base)
    .map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join("");
  return {
    logger,
    request({ reqId, method, path, status, durationMs }) {
      if (!logger.isLevelEnabled("info")) return;
      stream.write(
        `{"level":${infoLevel},"time":${Date.now()}${baseFields},"reqId":${JSON.stringify(reqId)},"method":${JSON.stringify(method)},` +
          `"path":${JSON.stringify(path)},"status":${status},"durationMs":${durationMs},"msg":"request"}\n`,
      );
    },
  };
}
