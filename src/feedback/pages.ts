// The answers feedback and the owner page give that the site's error pages do not cover, in
// the reader's words, prepared once like every other page.
import type { BuiltSite } from "../build-site.js";
import { OWNER_LOCKOUT_MINUTES } from "../owner/owner-route.js";
import { NO_STORE, type PreparedResponse } from "../pages/prepared.js";

/** Each page by what happened, since a reader's vote and the owner's page can fail with the same status. */
const WORDS = {
  voteIncomplete: {
    status: 400,
    heading: "无法提交反馈",
    message: "提交的反馈不完整或格式不正确。请返回问题页面，重新选择“有帮助”或“没帮助”。",
  },
  voteCrossSite: { status: 403, heading: "无法提交反馈", message: "只能在本站的问题页面上提交反馈。请打开问题页面后再试。" },
  voteTooOften: { status: 429, heading: "提交太频繁", message: "您在短时间内提交了太多次反馈。请过几分钟再试，谢谢您的耐心。" },
  voteUnavailable: {
    status: 503,
    heading: "暂时无法提交反馈",
    message: "反馈服务暂时不可用，您的反馈没有保存。页面和搜索不受影响，请稍后再试。",
  },
  ownerLogin: { status: 401, heading: "需要登录", message: "这个页面只供网站管理者查看。请输入管理口令。" },
  ownerLockedOut: {
    status: 429,
    heading: "口令错误次数太多",
    message: `这台设备输错管理口令的次数太多，为了安全，暂时不接受登录。请在 ${OWNER_LOCKOUT_MINUTES} 分钟后再试。`,
  },
  ownerUnavailable: {
    status: 503,
    heading: "暂时无法读取反馈",
    message: "存放反馈的数据库暂时不可用，所以现在看不到统计。读者的页面和搜索不受影响，请稍后刷新本页。",
  },
} as const;

export type FeedbackPage = keyof typeof WORDS;
export type FeedbackPages = Readonly<Record<FeedbackPage, PreparedResponse>>;

export function feedbackPages({ render, prepare, site }: BuiltSite): FeedbackPages {
  const entries = Object.entries(WORDS).map(([name, { status, heading, message }]) => {
    const html = render("error.njk", { url: null, title: `${heading} - ${site.facts.title}`, status, heading, message, noindex: true });
    return [name, prepare(html, { type: "text/html; charset=utf-8", cache: NO_STORE, status, extra: [["X-Robots-Tag", "noindex"]] })];
  });
  return Object.fromEntries(entries) as Record<FeedbackPage, PreparedResponse>;
}
