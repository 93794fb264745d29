// Stands in for pinyin-pro in the browser bundle (src/export/bundle.ts aliases it): pinyin.ts's
// pinyinOf asks for one entry per character, which the export's table answers without context
// (the content's own readings in context come with the index). Like pinyin-pro, a character it
// cannot read comes back as itself.
import { readings } from "./tables.js";

export function pinyin(text: string, _options: { type: "array" }): string[] {
  return [...text].map((ch) => readings.get(ch) ?? ch);
}
