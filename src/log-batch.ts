// Lines written while the event loop handles one batch of I/O go out in one write(2), just
// after that batch: a syscall costs several microseconds on this VM, a request about 32
// (docs/performance.md), and one turn of the loop often answers dozens of requests.
import type { DestinationStream } from "pino";

export interface BatchedStream extends DestinationStream {
  /** Writes what is pending now, as the process exits for instance. */
  flush(): void;
}

export function batchPerTurn(out: DestinationStream): BatchedStream {
  let pending = "";
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === "") return;
    const lines = pending;
    pending = "";
    out.write(lines);
  };
  // Nothing is held longer than the turn, and an exit, even after an uncaught exception,
  // still writes what the last turn logged. Only a kill the process cannot see loses a turn.
  process.on("exit", flush);
  return {
    write(line: string) {
      pending += line;
      if (scheduled) return;
      scheduled = true;
      setImmediate(flush);
    },
    flush,
  };
}
