// The dev server's script tag goes into every HTML answer the site's listener sends, whichever
// way it is sent (a prepared page, Express's 404), with a Content-Length that counts it, HEAD
// included; other answers pass untouched and uncompressed.
import request from "supertest";
import { describe, expect, it } from "vitest";
import { liveReload } from "../../../src/dev/reload.js";
import { makeServer } from "../../helpers.js";

const { handle, pages } = makeServer();
const reload = liveReload();
const app = reload.inject(handle);
const tag = () => `<script src="/__dev/reload.js" data-build="${reload.build}" defer></script></body>`;
const question = [...pages.keys()].find((url) => url.startsWith("/questions/")) as string;
const stylesheet = [...pages.keys()].find((url) => url.endsWith(".css")) as string;

describe("liveReload().inject", () => {
  it.each([
    [question, 200],
    ["/no-such-page", 404],
    [`/search?q=${encodeURIComponent("发票")}`, 200],
  ])("adds the script before </body> of %s, uncompressed, and HEAD announces the same length", async (url, status) => {
    const res = await request(app).get(url).set("Accept-Encoding", "br, gzip").set("If-None-Match", "*");
    expect(res.status).toBe(status);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.text).toContain(tag());
    expect(res.text.match(/__dev/g)).toHaveLength(1);
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(res.text));
    const head = await request(app).head(url);
    expect(head.headers["content-length"]).toBe(res.headers["content-length"]);
  });

  it("names the new build after a change", async () => {
    const before = reload.build;
    reload.changed();
    expect(reload.build).not.toBe(before);
    expect((await request(app).get(question)).text).toContain(`data-build="${reload.build}"`);
  });

  it("leaves other types alone", async () => {
    const res = await request(app).get(stylesheet);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain("__dev");
    expect(Number(res.headers["content-length"])).toBe(pages.get(stylesheet)?.body.length);
  });
});
