// `npm run dev` only: while the content (or a template) is broken, every page in the browser is
// this one, listing the problems as `npm run check` prints them, so the owner need not watch
// the terminal. It reloads itself once the files are fixed (reload.ts adds the script). It has
// its own small stylesheet: with no good build there may be no site stylesheet to link to.
import { escapeHtml } from "markdown-it/lib/common/utils.mjs";
import { ERROR_PAGES, type ErrorPages, type ErrorStatus } from "../pages/error-pages.js";
import { NO_STORE, type Prepare, type PreparedResponse } from "../pages/prepared.js";
import { DEV_PATHS } from "./reload.js";

/** What went wrong: the content check's list, or the message of anything else that stopped the build. */
export interface BuildFailure {
  readonly content: boolean;
  readonly problems: readonly string[];
}

export function devErrorPage({ content, problems }: BuildFailure, prepare: Prepare): PreparedResponse {
  const heading = content ? `内容有 ${problems.length} 个问题，网站暂时无法显示` : "网站没能生成，暂时无法显示";
  const advice = content
    ? "请按每行的提示修改文件（文件名:行号: 位置: 哪里不对 — 怎么改）。保存后这一页会自动刷新，改好后显示原来的页面。"
    : "生成网站时出错了，多半是模板（views/）或样式文件有误。请按下面的信息修改，保存后这一页会自动刷新。";
  const list = `<ul id="problems">\n${problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join("\n")}\n</ul>
<p>在终端运行 <code>npm run check</code> 会看到同样的列表。</p>`;
  // 500: the site cannot be shown; nothing should keep this page, it lasts until the next save.
  return prepare(page(heading, advice, list), { type: "text/html; charset=utf-8", cache: NO_STORE, status: 500, compress: false });
}

/**
 * The site's error pages stand in for themselves while there is no build: what the server
 * answers outside the site's listener (a malformed request, too many connections) still gets
 * its Chinese words.
 */
export function devStatusPages(prepare: Prepare): ErrorPages {
  const entries = Object.entries(ERROR_PAGES).map(([status, { heading, message }]) => [
    status,
    prepare(page(heading, message, ""), { type: "text/html; charset=utf-8", cache: NO_STORE, status: Number(status), compress: false }),
  ]);
  return Object.fromEntries(entries) as Record<ErrorStatus, PreparedResponse>;
}

function page(heading: string, advice: string, more: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(heading)}（开发服务器）</title>
<link rel="stylesheet" href="${DEV_PATHS.style}">
</head>
<body>
<main>
<p class="dev-label">开发服务器 · npm run dev</p>
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(advice)}</p>
${more}
</main>
</body>
</html>
`;
}

export const ERROR_STYLE = `body { margin: 0; font: 16px/1.6 system-ui, "Noto Sans CJK SC", sans-serif; color: #1a1a1a; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.5rem; line-height: 1.3; color: #a40e26; }
.dev-label { margin: 0; font-size: 0.875rem; color: #555; }
ul { margin: 1rem 0; padding: 0.5rem 1rem; list-style: none; background: #fdf2f2; border-left: 4px solid #a40e26; font: 0.9375rem/1.6 ui-monospace, "Noto Sans Mono CJK SC", monospace; }
li { margin: 0.5rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
li + li { padding-top: 0.5rem; border-top: 1px solid #e8c4c4; }
@media (prefers-color-scheme: dark) {
  body { color: #eee; background: #161616; }
  h1 { color: #ff8a8a; }
  .dev-label { color: #aaa; }
  ul { background: #2a1a1a; border-color: #ff8a8a; }
  li + li { border-color: #5a3030; }
}
`;
