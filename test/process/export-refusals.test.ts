// `npm run export` refusing where writing could destroy something: each case runs the real
// command and then checks that every file that was there is still there, unchanged, and that
// the answer is one line, exit 1, no stack trace.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, CONTENT_DIR, ROOT } from "../helpers.js";

// Each case starts the real command (tsx): generous timeouts, as a loaded CI machine is slow.
const work = mkdtempSync(path.join(tmpdir(), "faq-refusals-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runExport(args: readonly string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, PUBLIC_BASE_URL: BASE_URL, ...env };
    for (const [name, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[name];
    execFile(
      path.join(ROOT, "node_modules", ".bin", "tsx"),
      [path.join(ROOT, "src", "export.ts"), ...args],
      { cwd, env: childEnv },
      (error, stdout, stderr) => resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr }),
    );
  });
}

/** Every file under dir with a hash of its bytes (folders skipped when they are this big). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(dir, name);
    try {
      files[name] = createHash("sha256").update(readFileSync(file)).digest("hex");
    } catch {
      files[name] = "folder";
    }
  }
  return files;
}

/** The project's own top level and the folder above it: what a wrong target would have touched first. */
const projectState = () => ({ root: readdirSync(ROOT).sort(), parent: readdirSync(path.dirname(path.resolve(ROOT))).sort() });

function expectRefused(run: Run, words: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr.trim().split("\n"), run.stderr).toHaveLength(1);
  expect(run.stderr).toMatch(words);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

let previous = "";
let previousFiles: Record<string, string> = {};

beforeAll(async () => {
  previous = path.join(work, "previous");
  const made = await runExport([previous, "--base-url", BASE_URL]);
  expect(made.code, made.stderr).toBe(0);
  previousFiles = snapshot(previous);
}, 60_000);

describe("npm run export refuses, leaving every file in place", () => {
  it("an empty or missing folder argument, '.', the project root and the folder above it", async () => {
    const before = projectState();
    const runs = await Promise.all([
      runExport([""]),
      runExport([]),
      runExport(["."]),
      runExport([ROOT]),
      runExport([path.dirname(path.resolve(ROOT))]),
    ]);
    expectRefused(runs[0] as Run, /没有指定导出文件夹/);
    expectRefused(runs[1] as Run, /没有指定导出文件夹/);
    expectRefused(runs[2] as Run, /当前文件夹|本项目/);
    expectRefused(runs[3] as Run, /本项目的文件夹/);
    expectRefused(runs[4] as Run, /本项目的文件夹/);
    expect(projectState()).toEqual(before);
    expect(existsSync(path.join(ROOT, ".faq-export"))).toBe(false);
  }, 180_000);

  it("the root folder, the home folder, a folder holding the home folder or the content folder", async () => {
    const home = path.join(work, "people", "owner");
    mkdirSync(home, { recursive: true });
    writeFileSync(path.join(home, "notes.txt"), "mine\n");
    const site = path.join(work, "elsewhere");
    cpSync(CONTENT_DIR, path.join(site, "content"), { recursive: true });
    const [homeBefore, siteBefore] = [snapshot(path.join(work, "people")), snapshot(site)];
    const runs = await Promise.all([
      runExport(["/"]),
      runExport([home], { HOME: home }),
      runExport([path.join(work, "people")], { HOME: home }),
      runExport([site], { CONTENT_DIR: path.join(site, "content") }),
      runExport([path.join(site, "content", "out")], { CONTENT_DIR: path.join(site, "content") }),
    ]);
    expectRefused(runs[0] as Run, /根目录/);
    expectRefused(runs[1] as Run, /用户主目录/);
    expectRefused(runs[2] as Run, /用户主目录/);
    expectRefused(runs[3] as Run, /内容文件夹/);
    expectRefused(runs[4] as Run, /内容文件夹/);
    expect(snapshot(path.join(work, "people"))).toEqual(homeBefore);
    expect(snapshot(site)).toEqual(siteBefore);
  }, 180_000);

  it("a folder with a foreign file, with the old marker, or an earlier export with a file added or changed", async () => {
    const foreign = path.join(work, "foreign");
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "notes.txt"), "mine\n");
    // What the earlier export left: a bare marker, which used to be enough to wipe the folder.
    const marked = path.join(work, "marked");
    mkdirSync(marked);
    writeFileSync(path.join(marked, ".faq-export"), "Made by npm run export; the next export replaces this folder.\n");
    writeFileSync(path.join(marked, "thesis.tex"), "years of work\n");
    const added = path.join(work, "added");
    const changed = path.join(work, "changed");
    cpSync(previous, added, { recursive: true });
    cpSync(previous, changed, { recursive: true });
    writeFileSync(path.join(added, "questions", "draft.md"), "mine\n");
    writeFileSync(path.join(changed, "index.html"), "edited by hand\n");
    const folders = [foreign, marked, added, changed];
    const before = folders.map(snapshot);
    const runs = await Promise.all(folders.map((folder) => runExport([folder])));
    expectRefused(runs[0] as Run, /文件清单/);
    expectRefused(runs[1] as Run, /文件清单/);
    expectRefused(runs[2] as Run, /questions\/draft\.md/);
    expectRefused(runs[3] as Run, /index\.html/);
    expect(folders.map(snapshot)).toEqual(before);
    expect(readdirSync(work).filter((name) => name.startsWith("."))).toEqual([]);
  }, 180_000);

  it("a file as the folder, or a folder under a file", async () => {
    const file = path.join(work, "a-file.txt");
    writeFileSync(file, "mine\n");
    const runs = await Promise.all([runExport([file]), runExport([path.join(file, "site")])]);
    expectRefused(runs[0] as Run, /是一个文件，不是文件夹/);
    expectRefused(runs[1] as Run, /a-file\.txt 是一个文件/);
    expect(readFileSync(file, "utf8")).toBe("mine\n");
  }, 180_000);

  it("no public base URL: neither --base-url nor PUBLIC_BASE_URL", async () => {
    const target = path.join(work, "no-base");
    expectRefused(await runExport([target], { PUBLIC_BASE_URL: undefined }), /--base-url/);
    expect(existsSync(target)).toBe(false);
  }, 180_000);
});

describe("npm run export replaces its own earlier export", () => {
  it("swaps the new export in and leaves nothing beside it", async () => {
    expect(snapshot(previous)).toEqual(previousFiles);
    const again = await runExport([previous]);
    expect(again.code, again.stderr).toBe(0);
    expect(snapshot(previous)).toEqual(previousFiles); // the same content makes the same files
    expect(readdirSync(work).filter((name) => name.startsWith("."))).toEqual([]);
  }, 180_000);
});
