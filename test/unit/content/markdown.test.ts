import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadSite } from "../../../src/content/load.js";
import { headingSlug, renderMarkdown } from "../../../src/content/markdown.js";
import { fixture } from "../../helpers.js";

describe("renderMarkdown", () => {
  it("shows raw HTML as text and drops javascript: links, and tells the owner the tags will not work", () => {
    const problems = (() => {
      try {
        loadSite(fixture("raw-html"));
        return [];
      } catch (error) {
        return error instanceof ContentError ? [...error.problems] : [String(error)];
      }
    })();
    expect(problems).toEqual([
      expect.stringMatching(/raw\.md:7: HTML：“<script>”不会生效，读者会看到它原样显示 — 请改用 Markdown/),
      expect.stringMatching(/raw\.md:9: HTML：“<img src=x onerror=alert\(1\)>”不会生效/),
    ]);
    // Published anyway (say, by an older check), it would still be text.
    const { html } = renderMarkdown(readFileSync(path.join(fixture("raw-html"), "questions", "raw.md"), "utf8").split("---\n")[2] ?? "");
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

  it("shows callout syntax inside fenced code as code, and still renders a known callout", () => {
    const [question] = loadSite(fixture("callout-in-code")).questions;
    const html = question?.html ?? "";
    expect(html).toContain('<pre><code class="language-markdown">::: 提示\n未知的词在代码块里只是文字。\n:::\n</code></pre>');
    expect(html).toContain(
      '<div class="callout callout-note" role="note" aria-label="注意">\n<p class="callout-label">注意</p>\n<p>已知的提示框照常显示。</p>\n</div>',
    );
  });

  it("renders a paragraph typed with an indented first line (首行缩进) as a paragraph, not as code", () => {
    for (const indent of ["    ", "\t", "  "]) {
      expect(renderMarkdown(`${indent}故，由于资质申请流程较长，请提前准备。\n\n第二段。`).html, JSON.stringify(indent)).toBe(
        "<p>故，由于资质申请流程较长，请提前准备。</p>\n<p>第二段。</p>\n",
      );
    }
  });

  it("closes bold next to Chinese quotation marks and punctuation, as a Chinese writer means it", () => {
    expect(renderMarkdown("选择**“知识产权服务”**即可。请**务必**注意。**注意：**后面的文字。").html).toBe(
      "<p>选择<strong>“知识产权服务”</strong>即可。请<strong>务必</strong>注意。<strong>注意：</strong>后面的文字。</p>\n",
    );
  });

  it("reports Chinese ways of writing lists, headings, callouts and HTML, which Markdown would show as plain text", () => {
    const source = [
      "1、第一步", // 7
      "2、第二步",
      "",
      "１. 全角数字",
      "",
      "• 圆点",
      "",
      "##无空格标题",
      "",
      "＃＃ 全角井号",
      "",
      "：：： 注意",
      "",
      "第一行<br>第二行",
      "",
      "`<br>` 写在代码里，2020、2021 年写在句中，（1）开头的段落：都不是问题。",
      "",
      "## 1、标题里的编号也不是问题",
    ].join("\n");
    expect(renderMarkdown(source, { firstLine: 7 }).problems).toEqual([
      { line: 7, message: "编号列表：“1、”不会显示成列表，几行会连成一段 — 请写成“1. ”（半角数字、半角句点，再加一个空格）" },
      { line: 8, message: "编号列表：“2、”不会显示成列表，几行会连成一段 — 请写成“2. ”（半角数字、半角句点，再加一个空格）" },
      { line: 10, message: "编号列表：全角数字“１.”不会显示成列表 — 请改用半角数字和句点，如“1. ”" },
      { line: 12, message: "列表：“•”不会显示成列表 — 请在行首写“- ”（减号，再加一个空格）" },
      { line: 14, message: "标题：“##”后面少了空格，会原样显示 — 请写成“## 标题”" },
      { line: 16, message: "标题：全角“＃”不会显示成标题 — 请改用半角“#”，后面再加一个空格" },
      { line: 18, message: "提示框：全角“：：：”不会显示成提示框 — 请改用半角“:::”，如“::: 注意”" },
      {
        line: 20,
        message: "HTML：“<br>”不会生效，读者会看到它原样显示 — 请改用 Markdown：分段空一行，加粗写 **文字**，链接写 [文字](网址)",
      },
    ]);
  });

  it("reports a code block that is never closed, which would turn the rest of the answer into code", () => {
    const { problems } = renderMarkdown("第一段。\n\n```\n代码\n\n后面的回答。", { firstLine: 7 });
    expect(problems).toEqual([
      { line: 9, message: "代码块：“```”没有结束，后面的内容都会显示成代码 — 请在代码之后加一行 ```；不是要写代码的话，请删掉这一行" },
    ]);
    expect(renderMarkdown("```\n代码\n```\n\n~~~~\n代码\n~~~~~").problems).toEqual([]);
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
