// Access lines are gathered into one write per turn of the event loop; none may be lost or
// reordered, and none may wait longer than the turn.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { batchPerTurn } from "../../src/log-batch.js";
import { ROOT } from "../helpers.js";

function recorder() {
  const writes: string[] = [];
  return { writes, stream: batchPerTurn({ write: (text: string) => void writes.push(text) }) };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("batchPerTurn", () => {
  it("writes the lines of one turn together, in order, right after the turn", async () => {
    const { writes, stream } = recorder();
    stream.write("a\n");
    stream.write("b\n");
    stream.write("c\n");
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(["a\nb\nc\n"]);
    stream.write("d\n");
    await nextTurn();
    expect(writes).toEqual(["a\nb\nc\n", "d\n"]);
  });

  it("writes nothing when a turn logged nothing", async () => {
    const { writes, stream } = recorder();
    stream.flush();
    await nextTurn();
    expect(writes).toEqual([]);
  });

  it("writes what is pending at once when asked, and not again after the turn", async () => {
    const { writes, stream } = recorder();
    stream.write("a\n");
    stream.flush();
    expect(writes).toEqual(["a\n"]);
    await nextTurn();
    expect(writes).toEqual(["a\n"]);
  });

  it("still writes the last turn's lines when the process dies of an uncaught exception", async () => {
    const script = [
      'import { writeSync } from "node:fs";',
      'import { batchPerTurn } from "./src/log-batch.ts";',
      "const stream = batchPerTurn({ write: (text) => writeSync(1, text) });",
      'stream.write("last words\\n");',
      'throw new Error("boom");',
    ].join("\n");
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT });
    const failure = (await run.then(
      () => undefined,
      (error: unknown) => error,
    )) as { code?: number; stdout?: string } | undefined;
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe("last words\n");
  });
});
