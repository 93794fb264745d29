// The access line is laid out by hand for speed; it must stay the line pino itself would write.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLog, type RequestEntry } from "../../src/log.js";

function capture(level: "info" | "warn" = "info") {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, log: createLog(level, stream) };
}

/** Two lines written a moment apart differ only in their time; this sets it aside. */
const withoutTime = (line: string | undefined) => line?.replace(/"time":\d+,/, '"time":0,');

describe("createLog().request", () => {
  const paths = [
    "/questions/invoice",
    "/",
    '/a"b\\c',
    "/问题/发票",
    "/%E5%8F%91%E7%A5%A8",
    "/\u2028\u2029",
    "/\x7f/é",
    `/${"x".repeat(600)}`,
  ];

  it.each(paths)("writes exactly pino's own line for path %j", (path) => {
    const { lines, log } = capture();
    const entry: RequestEntry = { reqId: "0b8a4c7e-5d0f-4f3e-9a1b-2c3d4e5f6a7b", method: "GET", path, status: 200, durationMs: 0.07 };
    log.request(entry);
    log.logger.info(entry, "request");
    expect(lines).toHaveLength(2);
    expect(withoutTime(lines[0])).toBe(withoutTime(lines[1]));
    expect(JSON.parse(lines[0] as string)).toMatchObject({ level: 30, pid: process.pid, msg: "request", ...entry });
  });

  it("keeps whole numbers and fractions of milliseconds as pino does", () => {
    const { lines, log } = capture();
    for (const durationMs of [0, 3, 12.5, 1234.56]) {
      const entry = { reqId: "lb-1", method: "HEAD", path: "/", status: 304, durationMs };
      log.request(entry);
      log.logger.info(entry, "request");
    }
    for (let i = 0; i < lines.length; i += 2) expect(withoutTime(lines[i])).toBe(withoutTime(lines[i + 1]));
  });

  it("writes nothing when the level is above info", () => {
    const { lines, log } = capture("warn");
    log.request({ reqId: "x", method: "GET", path: "/", status: 200, durationMs: 1 });
    expect(lines).toEqual([]);
  });
});
