// The one pino logger: JSON lines on stdout for the log shipper, one per request and one per
// error. Tests pass "silent"; `npm run dev` passes a pretty stream (dev.ts).
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const satisfies readonly LevelWithSilent[];

export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  // Asynchronous writes batch lines under load; server.ts lets them drain before the process ends.
  return pino({ level }, destination ?? pino.destination({ sync: false }));
}
