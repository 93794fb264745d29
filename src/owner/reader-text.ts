// What readers typed, shown to the owner: in the owner page, the terminal and spreadsheets.
// Escaping HTML is the templates' job; these cover what escaping leaves.

/**
 * Direction controls (U+202E and its kin) reorder the text after them, so a comment could make
 * itself or the line it is on read differently; they are shown as their code points instead.
 */
export function shownComment(text: string): string {
  return text.replace(
    /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
    (ch) => `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}]`,
  );
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or return before one) as a
 * formula; a leading apostrophe makes it text (OWASP, "CSV injection").
 */
export function spreadsheetCell(value: string | number): string {
  const text = String(value);
  return typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
