// The character tables are generated data (scripts/make-char-tables.ts): this fails when the
// committed file no longer matches what pinyin-pro and opencc-js give, e.g. after an upgrade.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { charTablesSource } from "../../../scripts/char-tables-source.js";

it("src/search/char-tables.ts is what npm run make:char-tables writes", () => {
  const committed = readFileSync(new URL("../../../src/search/char-tables.ts", import.meta.url), "utf8");
  expect(committed === charTablesSource(), "src/search/char-tables.ts 已过期：请运行 npm run make:char-tables 重新生成").toBe(true);
}, 60_000);
