// Every realistic mistake an owner makes in the content folder, each with the exact message
// `npm run check` (and start-up, dev and export) shows: file:line, the place, what is wrong,
// and what to do. Fixtures hold what git can store; pipes, symlinks and big files are made here.

import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent, loadSite } from "../../../src/content/load.js";
import { displayPath } from "../../../src/content/report.js";
import { fixture } from "../../helpers.js";

const problemsOf = (dir: string) => checkContent(dir).problems;
const at = (name: string, file: string) => path.relative(process.cwd(), path.join(fixture(name), file));

let temp: string | undefined;
afterEach(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = undefined;
});
/** A copy of the valid fixture to break in ways git cannot store. */
function validCopy(): string {
  temp = mkdtempSync(path.join(tmpdir(), "faq-mistakes-"));
  cpSync(fixture("valid"), temp, { recursive: true });
  return temp;
}
const question = (order: number, body: string) =>
  `---\norder: ${order}\nquestion: 问题${order}？\nsummary: 摘要。\nupdated: 2020-11-27\n---\n${body}\n`;
/** Writes questions/<name>.md whose third line (the question's) is `field` as the owner typed it. */
function writeWithQuestionLine(dir: string, name: string, order: number, field: string): void {
  // The full-width space inside the summary is text, and must pass.
  const front = `order: ${order}\n${field}\nsummary: 摘要　两部分之间的全角空格是文字。\nupdated: 2020-11-27`;
  writeFileSync(path.join(dir, "questions", `${name}.md`), `---\n${front}\n---\n答案。\n`);
}

describe("encoding", () => {
  it("rejects a file saved as GBK, naming the line and saying to save as UTF-8", () => {
    expect(problemsOf(fixture("encoding-gbk"))).toEqual([
      `${at("encoding-gbk", "questions/gbk.md")}:3: 编码：文件不是 UTF-8 编码 — 请以 UTF-8 编码保存（记事本：另存为，编码选 UTF-8）（这一行有无效的 UTF-8 字节，可能是 GBK/GB18030）`,
    ]);
  });

  it("still accepts a UTF-8 BOM and CRLF line ends", () => {
    expect(loadSite(fixture("encoding-bom-crlf")).questions[0]).toMatchObject({ question: "带BOM的问题？", html: "<p>答案。</p>\n" });
  });
});

describe("YAML slips", () => {
  it("says what to do for each slip, on the line to fix", () => {
    const file = (name: string) => at("yaml-slips", `questions/${name}.md`);
    expect(problemsOf(fixture("yaml-slips"))).toEqual([
      `${file("alias-bomb")}:2: YAML：别名（&名字 / *名字）展开得太多 — 请直接写出每个值，不要用 YAML 别名（Excessive alias count indicates a resource exhaustion attack）`,
      `${file("colon-in-value")}:4: YAML：值里有英文冒号加空格“: ” — 请把整个值放在引号里，例如 summary: "注意: ……"（Nested mappings are not allowed in compact mappings）`,
      `${file("comment")}:3: 值：“如何办理”后面的 “ #ICP 备案？” 被 YAML 当成了注释，没有进入网站 — 请把整个值放在引号里，例如 "如何办理 #ICP 备案？"（question: 如何办理 #ICP 备案？）`,
      `${file("empty-field")}:4: summary: 为空 — 请写一句话的摘要`,
      `${file("fullwidth-colon")}:3: YAML：字段名后面用了中文冒号“：” — 请改成英文冒号加空格“: ”（Implicit keys need to be on a single line）`,
      `${file("future-date")}:5: updated: 值不对（现在是 "2999-01-01"） — 日期在将来，请写检查这篇内容的那一天（今天或更早）`,
      `${file("missing-colon")}:4: YAML：这一行缺少冒号 — 请写成“字段名: 值”，冒号后加一个空格（Implicit keys need to be on a single line）`,
      `${file("no-closing")}:1: front matter：找不到结束的 --- — 请在最后一个字段之后加一行 ---`,
      `${file("open-quote")}:3: YAML：这一行的引号 " 没有结束 — 请在值的末尾补上 "（Missing closing "quote）`,
    ]);
  });
});

describe("spaces an IME or a web page leaves in YAML", () => {
  it("names a full-width, non-breaking or invisible space, or a missing one, where YAML would misread the line", () => {
    const dir = validCopy();
    const questions = path.join(dir, "questions");
    const write = (name: string, order: number, field: string) => writeWithQuestionLine(dir, name, order, field);
    write("fullwidth-before", 11, "\u3000question: 问题？");
    write("fullwidth-after", 12, "question:\u3000问题？");
    write("nbsp-after", 13, "question:\u00A0问题？");
    write("no-space", 14, "question:问题？");
    write("invisible", 15, "\u200Bquestion: 问题？");
    const shown = (name: string) => displayPath(path.join(questions, `${name}.md`));
    expect(problemsOf(dir)).toEqual([
      `${shown("fullwidth-after")}:3: YAML：“question:”后面是全角空格 — 请改成一个半角空格`,
      `${shown("fullwidth-before")}:3: YAML：字段名“question”前后有全角空格 — 请删掉它，字段名用半角字母顶格写`,
      `${shown("invisible")}:3: YAML：字段名“question”前后有看不见的字符（U+200B） — 请删掉它，字段名用半角字母顶格写`,
      `${shown("nbsp-after")}:3: YAML：“question:”后面是不换行空格 — 请改成一个半角空格`,
      `${shown("no-space")}:3: YAML：“question:”后面少了空格 — 请在冒号后加一个半角空格，写成“question: 问题？”`,
    ]);
  });
});

describe("values YAML reads as something else", () => {
  it("says to quote a value that starts with a character YAML reserves, showing the line quoted", () => {
    const dir = validCopy();
    const questions = path.join(dir, "questions");
    const write = (name: string, order: number, value: string) => writeWithQuestionLine(dir, name, order, `question: ${value}`);
    write("bracket", 21, "[全网]ISP 许可证");
    write("at", 22, "@ISP");
    write("star", 23, "*ISP");
    const shown = (name: string) => displayPath(path.join(questions, `${name}.md`));
    expect(problemsOf(dir)).toEqual([
      `${shown("at")}:3: YAML：值以特殊符号开头 — 请把整个值放在英文引号里：question: "@ISP"（Plain value cannot start with reserved character @）`,
      `${shown("bracket")}:3: YAML：值以特殊符号开头 — 请把整个值放在英文引号里：question: "[全网]ISP 许可证"（Unexpected scalar at node end）`,
      `${shown("star")}:3: YAML：值以 * 开头，被当成了 YAML 别名 — 请把整个值放在英文引号里：question: "*ISP"（Unresolved alias (the anchor must be set before the alias): ISP）`,
    ]);
  });

  it("does not tell the owner to delete a field that only lost its indentation", () => {
    const dir = validCopy();
    const site = path.join(dir, "site.yml");
    writeFileSync(site, `${readFileSync(site, "utf8")}title: 又一个标题\n`);
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /site\.yml:\d+: YAML：同一个字段写了两次 — 如果这一行本该属于上面的某个字段，请照那个字段的其他行缩进；真的写重了，才删掉其中一个/,
      ),
    ]);
  });
});

describe("Markdown structure", () => {
  it("reports an unclosed callout, nesting markdown-it would drop, a duplicate question and a duplicate heading", () => {
    const file = (name: string) => at("markdown-structure", `questions/${name}.md`);
    expect(problemsOf(fixture("markdown-structure"))).toEqual([
      `${file("deep")}:9: 正文：列表、引用或强调嵌套得太深（超过 24 层） — 请减少嵌套；过深的部分不会显示`,
      `${file("same-heading")}:11: 标题：“办理步骤”与第 7 行的标题相同，两者的链接锚点会混淆 — 请改写其中一个`,
      `${file("unclosed")}:9: 提示框：“注意”没有结束 — 请在提示框内容之后加一行 :::`,
      `${file("same-title-too")}:3: question: 与 ${file("same-title")} 的问题相同 — 请合并这两个问题，或改写其中一个`,
      `${file("same-title")}:3: question: 与 ${file("same-title-too")} 的问题相同 — 请合并这两个问题，或改写其中一个`,
    ]);
  });

  it("checks 10,000 equal headings in linear time (markdown-it-anchor's own de-duplication is quadratic)", () => {
    const started = performance.now();
    const problems = problemsOf(
      (() => {
        const dir = validCopy();
        writeFileSync(path.join(dir, "questions", "many.md"), question(3, "## 步骤\n\n".repeat(10_000)));
        return dir;
      })(),
    );
    expect(problems).toHaveLength(9_999);
    // Quadratic took over half a minute here; linear is well under a few seconds even on a busy machine.
    expect(performance.now() - started).toBeLessThan(8_000);
  });
});

describe("files", () => {
  it("reports Markdown under another extension and a folder named .md, and ignores editor leftovers", () => {
    const file = (name: string) => at("files", `questions/${name}`);
    expect(problemsOf(fixture("files"))).toEqual([
      `${file("Upper.MD")}: 文件名：扩展名不是 .md，这个文件不会发布 — 请改名为 upper.md`,
      `${file("notes.markdown")}: 文件名：扩展名不是 .md，这个文件不会发布 — 请改名为 notes.md`,
      `${file("refund.md.txt")}: 文件名：扩展名不是 .md，这个文件不会发布 — 请改名为 refund.md`,
      `${file("folder.md")}: 文件：这是一个文件夹，不是文件 — 请给文件夹换一个不以 .md 结尾的名字（EISDIR）`,
    ]);
  });

  it("suggests only names the check accepts, reports Markdown where nothing is published, and ignores Word's lock files", () => {
    const dir = validCopy();
    const questions = path.join(dir, "questions");
    const body = question(9, "答案。");
    writeFileSync(path.join(questions, "新建文本文档.txt"), body);
    writeFileSync(path.join(questions, "~$lid.md"), body); // Word or WPS has the file open
    writeFileSync(path.join(dir, "notes.md"), body);
    mkdirSync(path.join(questions, "old", "older"), { recursive: true });
    writeFileSync(path.join(questions, "old", "older", "former.md"), body);
    const shown = (file: string) => displayPath(path.join(dir, file));
    expect(problemsOf(dir)).toEqual([
      `${shown("questions/新建文本文档.txt")}: 文件名：扩展名不是 .md，这个文件不会发布 — 请改名为 .md 结尾、只用小写字母、数字和连字符的名字，例如 invoice.md`,
      `${shown("questions/old/older/former.md")}: 位置：子文件夹里的 Markdown 文件不会发布 — 请把它移到 questions/ 里，或者删掉`,
      `${shown("notes.md")}: 位置：不在 questions/ 或 pages/ 里，不会发布 — 问题请放进 questions/，独立页面（如关于、法律声明）请放进 pages/`,
    ]);
  });

  it("names a pipe, a dangling symlink, a symlink loop, a link out of the folder and a file over the size limit", () => {
    const dir = validCopy();
    const questions = path.join(dir, "questions");
    execFileSync("mkfifo", [path.join(questions, "pipe.md")]);
    symlinkSync(path.join(questions, "gone.md"), path.join(questions, "dangling.md"));
    symlinkSync("loop-b.md", path.join(questions, "loop-a.md"));
    symlinkSync("loop-a.md", path.join(questions, "loop-b.md"));
    const outside = path.join(dir, "..", `${path.basename(dir)}-outside.md`);
    writeFileSync(outside, question(7, "文件夹以外的文件。"));
    symlinkSync(outside, path.join(questions, "outside.md"));
    writeFileSync(path.join(questions, "big.md"), question(8, "很长的答案。".repeat(70_000)));
    mkdirSync(path.join(questions, "images"));
    const shown = (name: string) => displayPath(path.join(questions, name));
    try {
      expect(problemsOf(dir)).toEqual([
        `${shown("big.md")}: 文件：太大（1.2 MB），上限是 1 MB — 请拆成几个文件或缩小它`,
        `${shown("dangling.md")}: 文件：是一个指向不存在文件的链接 — 请删除这个链接，或恢复它指向的文件（ENOENT）`,
        `${shown("loop-a.md")}: 文件：是一个循环的符号链接 — 请删除这个链接（ELOOP）`,
        `${shown("loop-b.md")}: 文件：是一个循环的符号链接 — 请删除这个链接（ELOOP）`,
        `${shown("outside.md")}: 文件：是指向内容文件夹以外的链接 — 请把文件本身复制到内容文件夹里（链接指向 ${outside}）`,
        `${shown("pipe.md")}: 文件：不是普通文件（命名管道、设备或套接字）— 请删除它，或换成普通文件`,
      ]);
    } finally {
      rmSync(outside);
    }
  });
});

describe("links between answers", () => {
  it("rewrites links written as files to the site's URLs and leaves external links alone", () => {
    const site = loadSite(fixture("links"));
    const refund = site.questions.find((q) => q.slug === "refund")?.html ?? "";
    expect(refund).toContain('<a href="/questions/invoice">发票</a>');
    expect(refund).toContain('<a href="/questions/invoice#h-开具步骤">发票开具</a>');
    expect(refund).toContain('<a href="/legal">法律声明</a>');
    expect(refund).toContain('<a href="#h-退费条件">本页</a>');
    expect(refund).toContain('<a href="https://www.aliyun.com">阿里云</a>');
  });

  it("reports a link to a missing question, page or heading, as written", () => {
    const file = at("links-broken", "questions/invoice.md");
    expect(problemsOf(fixture("links-broken"))).toEqual([
      `${file}:9: 链接：“/questions/refnd”指向的问题或页面不存在（/questions/refnd） — 请检查文件名，链接可以写成 refund.md 或 /questions/refund`,
      `${file}:10: 链接：“refnd.md”指向的问题或页面不存在（/questions/refnd） — 请检查文件名，链接可以写成 refund.md 或 /questions/refund`,
      `${file}:10: 链接：“../questions/refnd.md”指向的问题或页面不存在（/questions/refnd） — 请检查文件名，链接可以写成 refund.md 或 /questions/refund`,
      `${file}:10: 链接：“refund.md#没有的标题”指向的标题在 /questions/refund 上不存在 — 请检查 # 后面的标题文字`,
      `${file}:10: 链接：“#没有的标题”指向的标题在 /questions/invoice 上不存在 — 请检查 # 后面的标题文字`,
    ]);
  });
});

describe("aliases", () => {
  it("reports an alias that is a live slug or another question's alias, and a link to an old name", () => {
    const file = (name: string) => at("alias-clash", `questions/${name}.md`);
    expect(problemsOf(fixture("alias-clash"))).toEqual([
      `${file("alpha")}:6: aliases: “beta”是 ${file("beta")} 现在的文件名 — 请从 aliases 删除它`,
      `${file("beta")}:7: aliases: “shared”也列在 ${file("alpha")} 的 aliases 里 — 一个旧名只能指向一个问题，请删掉其中一个`,
    ]);
    expect(problemsOf(fixture("aliases"))).toEqual([
      `${at("aliases", "questions/other.md")}:7: 链接：“/questions/old-name”是改名前的旧地址 — 请改为 /questions/renamed`,
    ]);
  });
});

describe("images", () => {
  it("serves an image beside the Markdown under a hashed URL, with its size, lazily", () => {
    const site = loadSite(fixture("images"));
    const [image] = [...site.images.values()];
    expect(image?.url).toMatch(/^\/assets\/content\/questions\/invoice\/console\.[\w-]{10}\.png$/);
    expect(site.questions[0]?.html).toContain(
      `<img src="${image?.url}" alt="控制台的发票页面" width="64" height="40" loading="lazy" decoding="async">`,
    );
  });

  it("reports a missing image, no alt text, SVG, an unsupported type, a mislabelled file and an outside image", () => {
    const file = at("bad-images", "questions/invoice.md");
    expect(problemsOf(fixture("bad-images"))).toEqual([
      `${file}:7: 图片：“invoice/missing.png”找不到 — 请检查文件名和路径，路径相对于这个 Markdown 文件（questions/invoice/missing.png）`,
      `${file}:9: 图片：“invoice/console.png”没有说明文字 — 请在 ![ ] 的方括号里写出图片内容，供读屏软件朗读`,
      `${file}:11: 图片：“invoice/logo.svg”是 SVG，网站不接受（SVG 里可以藏脚本） — 请导出为 PNG 再引用`,
      `${file}:13: 图片：“invoice/notes.pdf”的类型不支持 — 请用 PNG、JPEG、WebP 或 GIF 图片（.pdf）`,
      `${file}:15: 图片：“invoice/fake.png”的内容与扩展名不符（实际是 gif） — 请改成正确的扩展名或重新导出`,
      `${file}:17: 图片：“https://example.com/a.png”不在内容文件夹里 — 请把图片放在 Markdown 文件旁边，用相对路径引用，例如 invoice/console.png`,
    ]);
  });

  it("refuses an image over the size limit", () => {
    const dir = validCopy();
    writeFileSync(path.join(dir, "questions", "huge.png"), Buffer.alloc(3 * 1024 * 1024));
    writeFileSync(path.join(dir, "questions", "third.md"), question(3, "![大图](huge.png)"));
    expect(problemsOf(dir)).toEqual([
      `${displayPath(path.join(dir, "questions", "third.md"))}:7: 图片：“huge.png”太大（3 MB），上限是 2 MB — 请拆成几个文件或缩小它`,
    ]);
  });
});
