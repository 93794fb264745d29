// Requests Node's HTTP parser refuses before any handler runs (malformed, headers too large)
// get our own page for the status, in Chinese, and a log line, in the real entry point.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Child, spawnEntry } from "./spawn.js";

let child: Child;
let port: number;
beforeAll(async () => {
  child = spawnEntry("src/server.ts", { PORT: "0", LOG_LEVEL: "info" });
  port = Number(/"address":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(await child.waitFor(/"msg":"listening"/))?.[1]);
}, 30_000);
afterAll(() => {
  child.process.kill("SIGKILL");
});

function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", reject);
  });
}

describe("requests the parser refuses", () => {
  it.each([
    ["a malformed request line", "NONSENSE\r\n\r\n", 400, "请求无法处理", "HPE_INVALID_METHOD"],
    [
      "headers over Node's limit",
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      431,
      "请求头过大",
      "HPE_HEADER_OVERFLOW",
    ],
  ])("%s: our %i page, then the connection closes, and a log line", async (_what, bytes, status, words, code) => {
    const answer = await raw(bytes);
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(answer).toContain("Connection: close");
    expect(answer).toContain("Content-Security-Policy:");
    expect(answer).toContain(words);
    const line = await child.waitFor(new RegExp(`"code":"${code}"`));
    expect(JSON.parse(line)).toMatchObject({ level: 30, status, msg: "request rejected by the HTTP parser" });
  });
});
