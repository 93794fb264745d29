// A question renamed keeps the links readers shared: each former slug in its `aliases` answers
// 301 with the current URL, as a prepared response like any page, so serving it needs no code
// of its own. The body is a link for a client that does not follow redirects.

import type { Site } from "../content/site.js";
import { contentUrl } from "../routes.js";
import { type Prepare, type PreparedResponse, REVALIDATE } from "./prepared.js";

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function aliasRedirects(
  site: Pick<Site, "questions">,
  absolute: (url: string) => string,
  prepare: Prepare,
): Map<string, PreparedResponse> {
  const redirects = new Map<string, PreparedResponse>();
  for (const question of site.questions) {
    for (const alias of question.aliases) {
      const target = absolute(question.url);
      redirects.set(
        contentUrl.question(alias),
        prepare(redirectPage(question.question, target), {
          type: "text/html; charset=utf-8",
          cache: REVALIDATE,
          status: 301,
          extra: [["Location", question.url]],
        }),
      );
    }
  }
  return redirects;
}

/**
 * The same page serves a static host, which cannot send a 301: the refresh moves the reader at
 * once and the canonical link tells search engines where the answer lives now.
 */
function redirectPage(title: string, target: string): string {
  const url = escapeHtml(target);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<link rel="canonical" href="${url}">
<meta http-equiv="refresh" content="0; url=${url}">
<meta name="robots" content="noindex">
</head>
<body>
<p>这个问题已移到新地址：<a href="${url}">${escapeHtml(title)}</a></p>
</body>
</html>
`;
}
