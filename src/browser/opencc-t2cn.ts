// Stands in for opencc-js/t2cn in the browser bundle (src/export/bundle.ts aliases it): fold.ts
// calls Converter once and then converts one character at a time, which a table answers.
import { simplified } from "./tables.js";

export function Converter(_options: { from: string; to: string }): (text: string) => string {
  return (text) => {
    let out = "";
    for (const ch of text) out += simplified.get(ch) ?? ch;
    return out;
  };
}
