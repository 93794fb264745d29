// /owner: only with the token (Basic or Bearer), never cached or indexed, wrong tokens logged
// and limited; it shows votes with a chart, reasons and comments escaped, and the searches.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createLog } from "../../src/log.js";
import { openStore } from "../../src/store/open.js";
import { dayOf } from "../../src/store/store.js";
import { makeFeedbackApp, OWNER_TOKEN } from "../feedback-helpers.js";
import { BASE_URL, makeApp } from "../helpers.js";

const fresh = () => openStore({ dataDir: mkdtempSync(path.join(os.tmpdir(), "faq-owner-")) }, createLog("silent"));

describe("/owner", () => {
  it("asks for the token, logs wrong ones and limits them, never counting a visit without one", async () => {
    const { handle, log } = makeFeedbackApp(fresh());
    const none = await request(handle).get("/owner");
    expect(none.status).toBe(401);
    expect(none.headers["www-authenticate"]).toBe('Basic realm="owner", charset="UTF-8"');
    expect(none.text).toContain("需要登录");
    // Every browser's Basic login begins with a visit without a token: those are never counted.
    for (let i = 0; i < 15; i++) await request(handle).get("/owner").expect(401);
    await request(handle).get("/owner").set("Authorization", `Bearer ${OWNER_TOKEN}`).expect(200);
    // Ten wrong tokens in the window; the eleventh attempt is refused even with the right one.
    for (let i = 0; i < 10; i++) await request(handle).get("/owner").set("Authorization", "Bearer wrong").expect(401);
    expect(log.filter((line) => line.msg === "owner page: wrong token")).toHaveLength(10);
    const limited = await request(handle).get("/owner").set("Authorization", `Bearer ${OWNER_TOKEN}`);
    expect(limited.status).toBe(429);
    expect(limited.text).toContain("口令错误次数太多");
    expect(limited.text).not.toContain("反馈");
    // A visit without a token still only asks for one.
    await request(handle).get("/owner").expect(401);
  });

  it("shows votes, a chart, reasons, escaped comments and searches to the owner, never cached or indexed", async () => {
    const store = fresh();
    const { handle, feedback, slug, built } = makeFeedbackApp(store);
    const day = dayOf(new Date());
    const id = await store.addVote({ page: slug, day, helpful: false });
    await store.changeVote(id, slug, day, { helpful: false, reason: "outdated", comment: '<img src=x onerror="alert(1)">' });
    await store.addVote({ page: slug, day, helpful: true });
    const turned = await store.addVote({ page: slug, day, helpful: false });
    await store.changeVote(turned, slug, day, { helpful: false, reason: "other", comment: "好\u202Egnirts" });
    await request(handle).get("/search").query({ q: "<b>火星</b>" });
    await feedback.searchLog.flush();
    const basic = Buffer.from(`owner:${OWNER_TOKEN}`).toString("base64");
    const res = await request(handle).get("/owner?days=7").set("Authorization", `Basic ${basic}`);
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["x-robots-tag"]).toBe("noindex");
    expect(res.text).toContain('<meta name="robots" content="noindex">');
    expect(res.text).toContain('<svg class="chart"');
    expect(res.text).toContain(built.site.questions[0]?.question);
    expect(res.text).toContain("33%");
    expect(res.text).toContain("信息已过时 1");
    expect(res.text).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(res.text).not.toContain("<img src=x");
    // A direction control would turn the text after it around; the owner sees where it was.
    expect(res.text).toContain("好[U+202E]gnirts");
    expect(res.text).not.toContain("\u202E");
    expect(res.text).toContain("b 火星 b"); // folded: punctuation is a space, like the index sees it
    expect(res.text).toContain('aria-current="page">近 7 天');
    await request(handle).get("/owner").set("Authorization", `Bearer ${OWNER_TOKEN}`).expect(200);
  });

  it("is in the reader's colour scheme, as every page is: the page, its 401 and a refused vote", async () => {
    const { handle } = makeFeedbackApp(fresh());
    const dark = { Cookie: "scheme=dark" };
    const tag = (html: string) => /<html[^>]*>/.exec(html)?.[0];
    const owner = await request(handle)
      .get("/owner")
      .set({ ...dark, Authorization: `Bearer ${OWNER_TOKEN}` });
    expect(owner.status).toBe(200);
    expect(tag(owner.text)).toBe('<html lang="zh-CN" data-scheme="dark">');
    expect(owner.headers.vary).toBe("Cookie");
    const refused = await request(handle).get("/owner").set(dark);
    expect(refused.status).toBe(401);
    expect(tag(refused.text)).toBe('<html lang="zh-CN" data-scheme="dark">');
    const vote = await request(handle)
      .post("/feedback")
      .set({ ...dark, Origin: BASE_URL })
      .type("form")
      .send({ page: "x", vote: "yes" });
    expect(vote.status).toBe(400);
    expect(tag(vote.text)).toBe('<html lang="zh-CN" data-scheme="dark">');
    expect(tag((await request(handle).get("/owner")).text)).toBe('<html lang="zh-CN">');
  });

  it("does not exist without OWNER_TOKEN", async () => {
    await request(makeApp()).get("/owner").expect(404);
  });
});
