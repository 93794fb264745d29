// `npm run make:char-tables`: writes src/search/char-tables.ts, the two character tables search
// needs, from pinyin-pro and opencc-js. Shipped as data so start-up neither loads those
// libraries (several MB of dictionaries) nor runs them over the content, and so the same tables
// serve queries in the browser. test/unit/search/char-tables.test.ts fails when the file is stale.
import { writeFileSync } from "node:fs";
import { charTablesSource } from "./char-tables-source.js";

writeFileSync(new URL("../src/search/char-tables.ts", import.meta.url), charTablesSource());
