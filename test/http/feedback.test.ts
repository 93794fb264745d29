// POST /feedback through the app production runs, over a real SQLite store: the plain form's
// redirect (PRG), the script's JSON, one count per reader per day through the receipt, and
// every refusal (cross-site, too big, too often, malformed, store down) as a page in Chinese.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { dayOf, type Store } from "../../src/store/store.js";
import { makeFeedbackApp, sqliteStores } from "../feedback-helpers.js";
import { BASE_URL } from "../helpers.js";

const sqlite = sqliteStores("faq-fb-");
const today = () => dayOf(new Date());
const votesOf = async (store: Store) => (await store.report(today())).votes;

describe("POST /feedback", () => {
  it("counts a plain form's vote, then redirects back to the question with the thank-you state", async () => {
    const store = sqlite();
    const { handle, slug } = makeFeedbackApp(store);
    const res = await request(handle).post("/feedback").type("form").set("Origin", BASE_URL).send({ page: slug, vote: "yes" });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^/questions/${slug}\\?feedback=[^#]+#feedback-thanks$`));
    expect(await votesOf(store)).toEqual([{ page: slug, helpful: 1, unhelpful: 0, reasons: {} }]);
  });

  it("asks why after 没帮助, and the reason form sent from the thank-you URL changes that vote, not a new one", async () => {
    const store = sqlite();
    const { handle, slug } = makeFeedbackApp(store);
    const first = await request(handle).post("/feedback").type("form").send({ page: slug, vote: "no" });
    expect(first.headers.location).toMatch(/#feedback-why$/);
    const second = await request(handle)
      .post("/feedback")
      .type("form")
      .set("Referer", `${BASE_URL}${String(first.headers.location).replace(/#.*/, "")}`)
      .send({ page: slug, vote: "no", reason: "unclear", comment: "  <script>x</script>  " });
    expect(second.headers.location).toMatch(/#feedback-thanks$/);
    const report = await store.report(today());
    expect(report.votes).toEqual([{ page: slug, helpful: 0, unhelpful: 1, reasons: { unclear: 1 } }]);
    expect(report.comments.map((c) => c.comment)).toEqual(["<script>x</script>"]);
  });

  it("answers the script with JSON, and a second vote with its receipt changes the first (once per page per day)", async () => {
    const store = sqlite();
    const { handle, slug } = makeFeedbackApp(store);
    const first = await request(handle)
      .post("/feedback")
      .type("form")
      .set("Sec-Fetch-Site", "same-origin")
      .send({ page: slug, vote: "yes", format: "json" });
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toMatch(/^application\/json/);
    expect(first.body.state).toBe("feedback-thanks");
    await request(handle)
      .post("/feedback")
      .type("form")
      .send({ page: slug, vote: "no", format: "json", receipt: first.body.receipt })
      .expect(200);
    expect(await votesOf(store)).toEqual([{ page: slug, helpful: 0, unhelpful: 1, reasons: {} }]);
    // A forged or other-page receipt is no receipt: the vote counts anew.
    await request(handle)
      .post("/feedback")
      .type("form")
      .send({ page: slug, vote: "yes", format: "json", receipt: `${first.body.receipt}x` })
      .expect(200);
    expect(await votesOf(store)).toEqual([{ page: slug, helpful: 1, unhelpful: 1, reasons: {} }]);
  });

  it("refuses a cross-site post before reading it", async () => {
    const store = sqlite();
    const { handle, slug } = makeFeedbackApp(store);
    for (const headers of [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }, { Origin: "null" }]) {
      const res = await request(handle).post("/feedback").type("form").set(headers).send({ page: slug, vote: "yes" });
      expect(res.status).toBe(403);
      expect(res.text).toContain("只能在本站的问题页面上提交反馈");
    }
    expect(await votesOf(store)).toEqual([]);
  });

  it("refuses malformed votes with 400 and an over-long body with 413, in Chinese", async () => {
    const store = sqlite();
    const { handle, slug } = makeFeedbackApp(store);
    for (const body of [
      { page: "no-such-question", vote: "yes" },
      { page: slug, vote: "maybe" },
      { page: slug, vote: "no", reason: "spam" },
      { page: slug, vote: "no", comment: "长".repeat(501) },
    ]) {
      const res = await request(handle).post("/feedback").type("form").send(body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.text).toContain("无法提交反馈");
    }
    const big = await request(handle)
      .post("/feedback")
      .type("form")
      .send({ page: slug, vote: "no", comment: "x".repeat(20_000) });
    expect(big.status).toBe(413);
    // A body in another encoding is refused with words about the submission, not about the URL.
    for (const type of ["application/x-www-form-urlencoded; charset=gbk", "application/x-www-form-urlencoded; charset=utf-16"]) {
      const other = await request(handle).post("/feedback").set("Content-Type", type).send(`page=${slug}&vote=yes`);
      expect(other.status, type).toBe(415);
      expect(other.text).toContain("无法处理提交的内容");
      expect(other.text).not.toContain("网址");
    }
    expect(await votesOf(store)).toEqual([]);
    // Five hundred characters are accepted.
    await request(handle)
      .post("/feedback")
      .type("form")
      .send({ page: slug, vote: "no", comment: "长".repeat(500) })
      .expect(303);
  });

  it("limits votes per client in memory and says so", async () => {
    const store = sqlite();
    const { handle, slug } = makeFeedbackApp(store, { voteLimit: 2 });
    for (let i = 0; i < 2; i++) await request(handle).post("/feedback").type("form").send({ page: slug, vote: "yes" }).expect(303);
    const res = await request(handle).post("/feedback").type("form").send({ page: slug, vote: "yes" });
    expect(res.status).toBe(429);
    expect(res.text).toContain("提交太频繁");
    expect(await votesOf(store)).toEqual([{ page: slug, helpful: 2, unhelpful: 0, reasons: {} }]);
  });

  it("answers 503 in Chinese while the SQLite folder cannot be written, pages still answer, and recovers", async () => {
    const blocker = path.join(mkdtempSync(path.join(os.tmpdir(), "faq-fb-")), "file");
    const { writeFileSync, rmSync } = await import("node:fs");
    writeFileSync(blocker, "not a folder");
    const store = sqlite(path.join(blocker, "data"));
    const { handle, slug, log } = makeFeedbackApp(store);
    const res = await request(handle).post("/feedback").type("form").send({ page: slug, vote: "yes" });
    expect(res.status).toBe(503);
    expect(res.text).toContain("反馈服务暂时不可用，您的反馈没有保存");
    expect(log.some((line) => line.msg === "vote not saved: the store is unavailable")).toBe(true);
    await request(handle).get(`/questions/${slug}`).expect(200);
    await request(handle).get("/search").query({ q: "发票" }).expect(200);
    rmSync(blocker);
    const { mkdirSync } = await import("node:fs");
    mkdirSync(blocker);
    await request(handle).post("/feedback").type("form").send({ page: slug, vote: "yes" }).expect(303);
  });

  it("allows only POST", async () => {
    const { handle } = makeFeedbackApp(sqlite());
    const res = await request(handle).get("/feedback");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("POST");
  });
});

describe("retention", () => {
  it("deletes records older than RETENTION_DAYS when feedback opens", async () => {
    const store = sqlite();
    const old = dayOf(new Date(Date.now() - 500 * 86_400_000));
    await store.addVote({ page: "invoice", day: old, helpful: true });
    await store.addVote({ page: "invoice", day: today(), helpful: true });
    const { log } = makeFeedbackApp(store, { level: "info" }); // retentionDays 400
    await expect.poll(() => log.some((line) => line.msg === "old feedback records deleted (RETENTION_DAYS)")).toBe(true);
    expect((await store.report("2000-01-01")).votes).toEqual([{ page: "invoice", helpful: 1, unhelpful: 0, reasons: {} }]);
  });
});

describe("the form on a question page", () => {
  it("posts to /feedback with the page's slug, both buttons, the reasons, a 500-character comment and the privacy line", async () => {
    const { handle, slug } = makeFeedbackApp(sqlite());
    const html = (await request(handle).get(`/questions/${slug}`)).text;
    expect(html).toContain('<form class="feedback-vote" method="post" action="/feedback">');
    expect(html).toContain(`<input type="hidden" name="page" value="${slug}">`);
    expect(html).toMatch(/name="vote" value="yes">有帮助</);
    expect(html).toMatch(/name="vote" value="no">没帮助</);
    for (const words of ["内容有误", "没有解决我的问题", "描述不清楚", "信息已过时", "其他"]) expect(html).toContain(words);
    expect(html).toContain('maxlength="500"');
    expect(html).toContain("不保存 IP 地址、浏览器信息、Cookie");
  });
});
