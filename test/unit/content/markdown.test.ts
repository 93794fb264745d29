import { describe, expect, it } from "vitest";
import { loadSite } from "../../../src/content/load.js";
import { headingSlug, renderMarkdown } from "../../../src/content/markdown.js";
import { fixture } from "../../helpers.js";

describe("renderMarkdown", () => {
  it("shows raw HTML as text and drops javascript: links", () => {
    const [question] = loadSite(fixture("raw-html")).questions;
    const html = question?.html ?? "";
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain('href="javascript:');
  });

  it("gives every heading a stable, prefixed id and a link to itself", () => {
    const { html } = renderMarkdown("## 办理 步骤\n\n### 办理 步骤\n\n## Main");
    expect(html).toContain('<h2 id="h-办理-步骤">办理 步骤</h2>');
    // The same text twice still gets two distinct ids.
    expect(html).toContain('<h3 id="h-办理-步骤-1">办理 步骤</h3>');
    // The prefix keeps content from taking the page's own ids such as "main".
    expect(html).toContain('<h2 id="h-main">Main</h2>');
    expect(html).toContain('<a class="heading-anchor" href="#h-办理-步骤"><span class="visually-hidden">链接到“办理 步骤”</span>');
  });

  it("uses the id prefix it is given", () => {
    expect(renderMarkdown("## 退费", { idPrefix: "refund-" }).html).toContain('id="refund-退费"');
  });

  it("renders each of the document's four callouts as a labelled note", () => {
    const [question] = loadSite(fixture("callouts")).questions;
    const html = question?.html ?? "";
    for (const [label, kind, text] of [
      ["危险", "danger", "重置操作将丢失用户配置数据。"],
      ["警告", "warning", "重启操作将导致业务中断，恢复业务时间约十分钟。"],
      ["注意", "note", "权重设置为0，该服务器不会再接受新请求。"],
      ["说明", "info", "您也可以通过按Ctrl+A选中全部文件。"],
    ]) {
      expect(html).toContain(
        `<div class="callout callout-${kind}" role="note" aria-label="${label}">\n<p class="callout-label">${label}</p>\n<p>${text}</p>\n</div>`,
      );
    }
  });

  it("shows callout syntax inside fenced and indented code as code, and still renders a known callout", () => {
    const [question] = loadSite(fixture("callout-in-code")).questions;
    const html = question?.html ?? "";
    expect(html).toContain('<pre><code class="language-markdown">::: 提示\n未知的词在代码块里只是文字。\n:::\n</code></pre>');
    expect(html).toContain("<pre><code>::: 提示\n:::\n</code></pre>");
    expect(html).toContain(
      '<div class="callout callout-note" role="note" aria-label="注意">\n<p class="callout-label">注意</p>\n<p>已知的提示框照常显示。</p>\n</div>',
    );
  });

  it("reports an unknown callout in a paragraph, a blockquote or a list, numbering lines from firstLine", () => {
    const problems = renderMarkdown("文字\n::: 提示\n:::\n\n> ::: 小贴士\n\n- ::: toString", { firstLine: 10 }).problems;
    expect(problems).toEqual([
      { line: 11, message: "提示框：不认识“::: 提示” — 请改用 危险, 警告, 注意, 说明 之一" },
      { line: 14, message: "提示框：不认识“::: 小贴士” — 请改用 危险, 警告, 注意, 说明 之一" },
      { line: 16, message: "提示框：不认识“::: toString” — 请改用 危险, 警告, 注意, 说明 之一" },
    ]);
  });

  it("keeps numbered steps as an ordered list", () => {
    expect(renderMarkdown("1. 甲\n2. 乙").html).toBe("<ol>\n<li>甲</li>\n<li>乙</li>\n</ol>\n");
  });

  it("gives plain text, one block a line", () => {
    expect(renderMarkdown("段落 **粗体**\n\n1. 甲\n2. 乙").text).toBe("段落 粗体\n甲\n乙");
  });
});

describe("headingSlug", () => {
  it("keeps Chinese, lowercases ASCII and joins words with hyphens", () => {
    expect(headingSlug("全网 ISP 与 省网ISP？")).toBe("全网-isp-与-省网isp");
  });
});
