// The two tables an exported site's browser reads in place of the server's dictionaries
// (src/search/serialise.ts makes them): filled once, before the index is built.
import { FORMAT, type SearchTables } from "../search/serialise.js";

/** Traditional → simplified character, for fold.ts's converter. */
export const simplified = new Map<string, string>();
/** Character → toneless syllable, for pinyin.ts. */
export const readings = new Map<string, string>();

export function useTables(tables: SearchTables): void {
  if (tables.v !== FORMAT) throw new Error(`search tables: format ${tables.v}, expected ${FORMAT}`);
  simplified.clear();
  readings.clear();
  const pairs = [...tables.simplified];
  for (let i = 0; i + 1 < pairs.length; i += 2) simplified.set(pairs[i] as string, pairs[i + 1] as string);
  for (const [syllable, chars] of Object.entries(tables.pinyin)) for (const ch of chars) readings.set(ch, syllable);
}
