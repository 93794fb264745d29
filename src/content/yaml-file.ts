// Reads the content's YAML (site.yml, synonyms.yml, front matter) with the yaml package and
// words its errors for an owner who is not a programmer: the common slips (a full-width colon,
// a colon inside a value, a missing colon, an unclosed quote, a value cut short at " #") each
// say what to do, with the parser's own words after.
import { isMap, isScalar, LineCounter, parseDocument, Scalar, visit } from "yaml";
import { decodeText, LIMITS, readContentBytes } from "./read-file.js";
import type { Report } from "./report.js";

/** A YAML file's data (an empty file is `{}`) and where each top-level field is, or undefined once reported. */
export interface YamlData {
  data: unknown;
  /** Line of the value at a path (["synonyms", 1, 0]), for messages about a field; undefined if absent. */
  lineAt(path: ReadonlyArray<PropertyKey>): number | undefined;
}

export function readYamlFile(file: string, root: string, report: Report): YamlData | undefined {
  const bytes = readContentBytes(file, root, LIMITS.yamlBytes, report);
  const text = bytes && decodeText(bytes, file, report);
  return text === undefined ? undefined : parseYamlText(text, file, report, 1);
}

/** `firstLine` is the file line the text starts on (2 for front matter after its opening ---). */
export function parseYamlText(text: string, file: string, report: Report, firstLine: number): YamlData | undefined {
  const spacing = spacingSlips(text);
  if (spacing.length > 0) {
    // Reported alone: what the parser or the schema would say next ("unknown field", "missing
    // colon") points away from the character the owner cannot see.
    for (const { index, message } of spacing) report(file, message, index + firstLine);
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const sourceLines = text.split("\n");
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    // The first error is the one to fix: later ones usually follow from it.
    const error = doc.errors[0];
    if (error === undefined) return undefined;
    const index = lineOf(error.pos[0]) - firstLine;
    const { message, at } = translate(error.code, error.message.split(" at line ")[0] ?? error.message, sourceLines, index);
    report(file, message, at + firstLine);
    return undefined;
  }
  let cut = false;
  visit(doc, {
    Scalar(_key, node) {
      // A plain value followed on its line by " #…": YAML read the rest as a comment.
      if (node.type !== Scalar.PLAIN || !node.comment || !node.range) return;
      const comment = node.comment;
      const [start, end] = node.range;
      const line = lineOf(start);
      if (lineOf(end) !== line) return;
      const written = sourceLines[line - firstLine] ?? "";
      cut = true;
      report(
        file,
        `值：“${String(node.value)}”后面的 “ #${comment}” 被 YAML 当成了注释，没有进入网站 — 请把整个值放在引号里，例如 "${String(node.value)} #${comment.trim()}"（${written.trim()}）`,
        line,
      );
    },
  });
  if (cut) return undefined;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.yamlAliases }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    if (/Unresolved alias/.test(error.message)) {
      // "*ISP" was meant as text; YAML read the star as a reference to an anchor.
      const index = Math.max(
        0,
        sourceLines.findIndex((line) => /:\s+\*/.test(line)),
      );
      report(file, `YAML：值以 * 开头，被当成了 YAML 别名 — ${quoteIt(sourceLines[index] ?? "")}（${error.message}）`, index + firstLine);
    } else report(file, `YAML：别名（&名字 / *名字）展开得太多 — 请直接写出每个值，不要用 YAML 别名（${error.message}）`, firstLine);
    return undefined;
  }
  // A field's line is its key's (a value may start on the next line); a list item's is its own.
  const lineAt = (path: ReadonlyArray<PropertyKey>) => {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
      if (isScalar(pair?.key) && pair.key.range) return lineOf(pair.key.range[0]);
    }
    const node = doc.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineOf(node.range[0]) : undefined;
  };
  return { data, lineAt };
}

/** Spaces an IME or a copied web page puts where YAML needs a plain one, or none. */
const ODD_SPACES = "\u3000\u00A0\u200B-\u200D\u2060\uFEFF";
const ODD_SPACE = new RegExp(`[${ODD_SPACES}]`);
/** A "field:" line: what comes before the field name, the name, and the character after the colon. */
const FIELD_LINE = new RegExp(`^([\\s${ODD_SPACES}]*(?:- )?)([^:#"'\\s][^:#]*?):(.?)`, "u");
const ODD_SPACE_NAMES: Readonly<Record<string, string>> = { "\u3000": "全角空格", "\u00A0": "不换行空格" };
const nameOf = (ch: string) => ODD_SPACE_NAMES[ch] ?? `看不见的字符（U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}）`;

/**
 * Slips in the layout of "field: value" lines that YAML reads as something else: a full-width or
 * invisible space before or inside a field name, after its colon, or no space after the colon.
 * Inside a value, a full-width space is text, and is left alone.
 */
function spacingSlips(text: string): Array<{ index: number; message: string }> {
  return text.split("\n").flatMap((line, index) => {
    const key = FIELD_LINE.exec(line);
    if (key === null) return [];
    const [, before = "", name = "", after = ""] = key;
    const odd = ODD_SPACE.exec(before)?.[0] ?? ODD_SPACE.exec(name)?.[0];
    if (odd !== undefined) {
      return [
        { index, message: `YAML：字段名“${name.replace(ODD_SPACE, "").trim()}”前后有${nameOf(odd)} — 请删掉它，字段名用半角字母顶格写` },
      ];
    }
    if (!/^[A-Za-z_][\w-]*$/.test(name)) return [];
    if (ODD_SPACE.test(after)) return [{ index, message: `YAML：“${name}:”后面是${nameOf(after)} — 请改成一个半角空格` }];
    if (after !== "" && after !== " " && after !== "\t" && after !== "/") {
      return [
        {
          index,
          message: `YAML：“${name}:”后面少了空格 — 请在冒号后加一个半角空格，写成“${name}: ${line.slice(line.indexOf(":") + 1).trim()}”`,
        },
      ];
    }
    return [];
  });
}

/** The line with its value in quotes, as the fix to copy; any quote inside the value doubled up as YAML wants it. */
function quoteIt(line: string): string {
  const match = /^\s*(?:- )?([\w-]+):[ \t]+(.*?)\s*$/.exec(line);
  if (match === null) return '请把整个值放在英文引号里，例如 question: "[全网]ISP 许可证"';
  return `请把整个值放在英文引号里：${match[1]}: "${(match[2] ?? "").replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/**
 * The parser's message for the slips owners make, turned into what to do. `index` is the line's
 * index in the YAML text; the parser's own reason follows in parentheses.
 */
function translate(code: string, reason: string, lines: string[], index: number): { message: string; at: number } {
  const here = (message: string) => ({ message, at: index });
  switch (code) {
    case "MULTILINE_IMPLICIT_KEY":
      if ((lines[index] ?? "").includes("：")) return here(`YAML：字段名后面用了中文冒号“：” — 请改成英文冒号加空格“: ”（${reason}）`);
      return here(`YAML：这一行缺少冒号 — 请写成“字段名: 值”，冒号后加一个空格（${reason}）`);
    case "BLOCK_AS_IMPLICIT_KEY":
      return here(`YAML：值里有英文冒号加空格“: ” — 请把整个值放在引号里，例如 summary: "注意: ……"（${reason}）`);
    case "DUPLICATE_KEY":
      return here(
        `YAML：同一个字段写了两次 — 如果这一行本该属于上面的某个字段，请照那个字段的其他行缩进；真的写重了，才删掉其中一个（${reason}）`,
      );
    case "MISSING_CHAR":
      if (/quote/.test(reason)) {
        // The parser notices at the end of the text; the owner must look where the quote opened.
        const opened = openingQuote(lines, index);
        return { message: `YAML：这一行的引号 ${opened.quote} 没有结束 — 请在值的末尾补上 ${opened.quote}（${reason}）`, at: opened.index };
      }
      return here(`YAML：格式有误 — 请检查括号和引号是否成对（${reason}）`);
    default:
      // A value that starts with a character YAML reserves ([全网]ISP, @ISP, - ISP, `x`).
      if (/^\s*(?:- )?[\w-]+:[ \t]+[[\]{}@`%!&*-]/.test(lines[index] ?? ""))
        return here(`YAML：值以特殊符号开头 — ${quoteIt(lines[index] ?? "")}（${reason}）`);
      return here(`YAML：格式有误 — 请对照其他文件检查这一行（${reason}）`);
  }
}

/** The last line at or before `index` whose value opens a quote it does not close. */
function openingQuote(lines: string[], index: number): { index: number; quote: string } {
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const match = /^[^#"']*?:\s+(["'])(.*)$/.exec(lines[i] ?? "");
    if (match === null) continue;
    const [, quote = '"', rest = ""] = match;
    if (!rest.includes(quote)) return { index: i, quote };
  }
  return { index, quote: '"' };
}
