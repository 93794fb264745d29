// A renamed question keeps the links readers shared: its former slug, listed in `aliases`,
// answers 301 to the new URL on the server, and the export writes a page that sends readers on.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { loadSite } from "../../src/content/load.js";
import { exportFiles } from "../../src/pages/export-site.js";
import { BASE_URL, makeServer, makeSite } from "../helpers.js";
import { extendContent } from "./content-folders.js";

// The first question of a copy of content/, renamed with its old name kept as an alias.
const dir = extendContent();
const [question] = loadSite(dir).questions;
if (question === undefined) throw new Error("content/ has no question");
const renamed = `${question.slug}-renamed`;
const file = path.join(dir, "questions", `${renamed}.md`);
renameSync(path.join(dir, "questions", `${question.slug}.md`), file);
writeFileSync(file, readFileSync(file, "utf8").replace(/^---\n/, `---\naliases: [${question.slug}]\n`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("renaming a question with an alias", () => {
  it("answers the old URL with 301 to the new one, and the new URL with the answer", async () => {
    const { handle } = makeServer(dir);
    const old = await request(handle).get(question.url);
    expect(old.status).toBe(301);
    expect(old.headers.location).toBe(`/questions/${renamed}`);
    const current = await request(handle).get(`/questions/${renamed}`);
    expect(current.status).toBe(200);
    expect(current.text).toContain(question.question);
  });

  it("writes a page at the old path in the export that refreshes to the new URL with a canonical link", () => {
    const built = makeSite(dir);
    const written = exportFiles(built.pages, built.errors[404]);
    const oldFile = [...written.keys()].find((name) => name.replace(/(\/index)?\.html$/, "") === question.url.slice(1));
    expect(oldFile, `export files: ${[...written.keys()].join(", ")}`).toBeDefined();
    const html = written.get(oldFile as string)?.toString("utf8") ?? "";
    expect(html).toMatch(new RegExp(`<meta http-equiv="refresh" content="0; ?url=(${BASE_URL})?/questions/${renamed}"`));
    expect(html).toContain(`<link rel="canonical" href="${BASE_URL}/questions/${renamed}">`);
  });
});
