// The statuses the site answers with a page of its own, each with its words for the reader.
// Every status the server or Node's HTTP parser sends has its record here, and only those.
import { NO_STORE, type Prepare, type PreparedResponse } from "./prepared.js";
import type { Renderer } from "./renderer.js";

export const ERROR_PAGES = {
  400: { heading: "请求无法处理", message: "这个网址的格式不正确（例如含有无效的百分号编码）。请检查链接是否完整。" },
  404: { heading: "找不到这个页面", message: "您访问的页面不存在，可能是链接有误或页面已移动。您要找的答案可能在下面的问题中。" },
  405: { heading: "不支持此操作", message: "此页面只能浏览，不接受提交。" },
  408: { heading: "请求超时", message: "浏览器发送请求的时间过长，连接已断开。请刷新页面重试。" },
  413: { heading: "提交的内容过大", message: "您提交的内容超过了允许的大小。请缩短后再试。" },
  414: { heading: "网址过长", message: "这个网址太长，无法处理。请检查链接是否完整。" },
  415: {
    heading: "无法处理提交的内容",
    message: "提交的内容用了本站不支持的格式或编码（本站只接受 UTF-8 编码的表单）。请回到原来的页面重新提交。",
  },
  431: { heading: "请求头过大", message: "浏览器发送的请求头（例如 Cookie）太大，无法处理。请清除本站的 Cookie 后重试。" },
  500: { heading: "服务器出错了", message: "处理您的请求时出现了意外错误。请稍后再试，或先浏览下面的问题。" },
  503: { heading: "服务器繁忙", message: "现在同时访问的人太多，暂时无法打开这个页面。请稍等片刻后刷新页面重试。" },
} as const satisfies Record<number, { heading: string; message: string }>;

export type ErrorStatus = keyof typeof ERROR_PAGES;
export type ErrorPages = Readonly<Record<ErrorStatus, PreparedResponse>>;

export function isErrorStatus(status: number): status is ErrorStatus {
  return Object.hasOwn(ERROR_PAGES, status);
}

export function buildErrorPages(render: Renderer, siteTitle: string, prepare: Prepare): ErrorPages {
  const entries = Object.entries(ERROR_PAGES).map(([key, words]) => {
    const status = Number(key);
    const html = render("error.njk", { url: null, title: `${status} - ${siteTitle}`, status, ...words, noindex: true });
    return [status, prepare(html, { type: "text/html; charset=utf-8", cache: NO_STORE, status })];
  });
  return Object.fromEntries(entries) as Record<ErrorStatus, PreparedResponse>;
}
