// dist/server.js, the file `npm start` runs, is built from the same sources the other tests run
// and serves the same site: pages, search, a 404 and a refused POST, from a real process.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSite, ROOT } from "../helpers.js";

let server: ReturnType<typeof spawn>;
let base: string;
const question = [...makeSite().pages.keys()].find((url) => url.startsWith("/questions/")) as string;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, stdio: "pipe" });
  server = spawn(process.execPath, [path.join(ROOT, "dist", "server.js")], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      out += chunk;
      const address = /"address":"(http:\/\/[^"]+)"/.exec(out)?.[1];
      if (address) resolve(address);
    });
    server.on("exit", (code) => reject(new Error(`dist/server.js exited with ${code}: ${out}`)));
  });
}, 60_000);
afterAll(() => {
  server.kill("SIGKILL");
});

describe("dist/server.js", () => {
  it.each([
    ["/", 200, "ISP许可证"],
    [question, 200, "分享这个回答"],
    [`/search?q=${encodeURIComponent("发票")}`, 200, "<mark>发票</mark>"],
    ["/no-such-page", 404, "找不到这个页面"],
  ])("GET %s answers %i", async (url, status, text) => {
    const res = await fetch(`${base}${url}`);
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(text);
  });

  it("refuses a POST with a body with the 405 page", async () => {
    const res = await fetch(`${base}${question}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded; charset=gbk" },
      body: "helpful=yes",
    });
    expect(res.status).toBe(405);
    expect(await res.text()).toContain("不支持此操作");
  });

  it("has none of the dev server's live reload: no script, no event stream, no tag in a page", async () => {
    for (const url of ["/__dev/reload.js", "/__dev/events", "/__dev/error.css"]) expect((await fetch(`${base}${url}`)).status).toBe(404);
    expect(await (await fetch(`${base}${question}`)).text()).not.toContain("/__dev/");
    expect(readFileSync(path.join(ROOT, "dist", "server.js"), "utf8")).not.toContain("/__dev/");
  });
});
