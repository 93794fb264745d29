// replaceFolder and checkReplaceable: a failure part-way through writing leaves the previous
// export whole and nothing beside it; a folder is replaced only while it holds exactly what the
// manifest lists.
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkReplaceable, ExportRefused, MANIFEST, replaceFolder } from "../../../src/export/folder.js";

let work = "";
let target = "";
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "faq-folder-"));
  target = path.join(work, "site");
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const files = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([name, text]) => [name, Buffer.from(text)]));
const read = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((name) => name !== MANIFEST && lstatSync(path.join(dir, name)).isFile())
      .map((name) => [name.split(path.sep).join("/"), readFileSync(path.join(dir, name), "utf8")]),
  );

describe("replaceFolder", () => {
  it("writes the files and a manifest the next export accepts", () => {
    replaceFolder(target, files({ "index.html": "one", "questions/a/index.html": "a" }));
    expect(read(target)).toEqual({ "index.html": "one", "questions/a/index.html": "a" });
    expect(() => checkReplaceable(target, "site")).not.toThrow();
    replaceFolder(target, files({ "index.html": "two" }));
    expect(read(target)).toEqual({ "index.html": "two" });
    expect(readdirSync(work)).toEqual(["site"]);
  });

  it("leaves the previous export whole when writing fails part-way", () => {
    replaceFolder(target, files({ "index.html": "one", "questions/a/index.html": "a" }));
    // "b" as a file and as a folder: the second write fails after the first has been made.
    expect(() => replaceFolder(target, files({ "index.html": "two", b: "file", "b/index.html": "folder" }))).toThrow();
    expect(read(target)).toEqual({ "index.html": "one", "questions/a/index.html": "a" });
    expect(readdirSync(work)).toEqual(["site"]);
  });
});

describe("checkReplaceable", () => {
  beforeEach(() => replaceFolder(target, files({ "index.html": "one", "questions/a/index.html": "a" })));

  it.each([
    ["a file added", () => writeFileSync(path.join(target, "notes.txt"), "mine"), /notes\.txt/],
    ["a file changed", () => writeFileSync(path.join(target, "index.html"), "edited"), /index\.html/],
    ["a link added", () => symlinkSync("/", path.join(target, "questions", "root")), /questions\/root/],
    ["the manifest gone", () => rmSync(path.join(target, MANIFEST)), /文件清单/],
  ])("refuses with %s", (_, change, words) => {
    change();
    expect(() => checkReplaceable(target, "site")).toThrow(ExportRefused);
    expect(() => checkReplaceable(target, "site")).toThrow(words);
  });
});
