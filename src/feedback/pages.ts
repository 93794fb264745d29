// The answers feedback and the owner page give that the site's error pages do not cover, in
// the reader's words, prepared once like every other page.
import type { BuiltSite } from "../build-site.js";
import { NO_STORE, type PreparedResponse } from "../pages/prepared.js";

const WORDS = {
  400: { heading: "无法提交反馈", message: "提交的反馈不完整或格式不正确。请返回问题页面，重新选择“有帮助”或“没帮助”。" },
  401: { heading: "需要登录", message: "这个页面只供网站管理者查看。请输入管理口令。" },
  403: { heading: "无法提交反馈", message: "只能在本站的问题页面上提交反馈。请打开问题页面后再试。" },
  429: { heading: "提交太频繁", message: "您在短时间内提交了太多次反馈。请过几分钟再试，谢谢您的耐心。" },
  503: { heading: "暂时无法提交反馈", message: "反馈服务暂时不可用，您的反馈没有保存。页面和搜索不受影响，请稍后再试。" },
} as const;

export type FeedbackStatus = keyof typeof WORDS;
export type FeedbackPages = Readonly<Record<FeedbackStatus, PreparedResponse>>;

export function feedbackPages({ render, prepare, site }: BuiltSite): FeedbackPages {
  const entries = Object.entries(WORDS).map(([key, words]) => {
    const status = Number(key);
    const html = render("error.njk", { url: null, title: `${words.heading} - ${site.facts.title}`, status, ...words, noindex: true });
    return [status, prepare(html, { type: "text/html; charset=utf-8", cache: NO_STORE, status, extra: [["X-Robots-Tag", "noindex"]] })];
  });
  return Object.fromEntries(entries) as Record<FeedbackStatus, PreparedResponse>;
}
