// The server warns at start when it listens beyond loopback with a localhost PUBLIC_BASE_URL
// (the default), since every link it writes would then point readers at their own machine.
import { afterEach, describe, expect, it } from "vitest";
import { baseUrlWarning } from "../../src/public-base-url.js";
import { type Child, spawnEntry } from "./spawn.js";

let child: Child | undefined;
afterEach(async () => {
  if (child?.process.exitCode === null) {
    child.process.kill("SIGTERM");
    await child.exited;
  }
});

describe("a localhost base URL on a server others can reach", () => {
  it("is logged as a warning at start", async () => {
    child = spawnEntry("src/server.ts", { HOST: "0.0.0.0", PORT: "0", PUBLIC_BASE_URL: "" });
    const line = JSON.parse(await child.waitFor(/PUBLIC_BASE_URL is/, 30_000));
    expect(line.level).toBe(40);
    expect(line.publicBaseUrl).toMatch(/^http:\/\/localhost:\d+$/);
  }, 40_000);

  it.each([
    ["0.0.0.0", "http://localhost:3000", true],
    ["0.0.0.0", "http://127.0.0.1:3000", true],
    ["::", "http://[::1]:3000", true],
    ["0.0.0.0", "https://isp-faq.example.com", false],
    ["127.0.0.1", "http://localhost:3000", false],
    ["localhost", "http://localhost:3000", false],
  ])("host %s with %s: warned %s", (host, publicBaseUrl, warned) => {
    expect(baseUrlWarning({ host, publicBaseUrl }) !== undefined).toBe(warned);
  });
});
