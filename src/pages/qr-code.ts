// A QR code of a URL as inline SVG, made once at start-up. qrcode does the encoding; we only
// draw its matrix, with presentation attributes (the CSP blocks style attributes) and a label.
// The encoder alone: the package entry point also loads renderers (and pngjs) we never use.
import { create } from "qrcode/lib/core/qrcode.js";

/** Modules of blank margin on each side; scanners need four. */
const QUIET_ZONE = 4;

export function qrCodeSvg(text: string, label: string): string {
  // Level M survives a smudged printout or a photo of a screen and keeps the code small.
  // One byte-mode segment: handed a plain string, qrcode searches for the shortest mix of
  // modes with a shortest-path graph per code, which was a tenth of start-up with 1,000
  // questions; a URL's lower-case letters need byte mode anyway, so the code rarely changes.
  const { modules } = create([{ data: Buffer.from(text, "utf8"), mode: "byte" }], { errorCorrectionLevel: "M" });
  const size = modules.size + 2 * QUIET_ZONE;
  // Each run of dark modules in a row is one stroke a module wide along the row's middle, the
  // next run reached by a relative move: "m2 0h3" rather than a filled rectangle per run
  // ("M12 7h3v1h-3z"), which halves the SVG, a third of a question page before compression.
  let path = "";
  for (let row = 0; row < modules.size; row++) {
    let x = -1; // where the pen is on this row; -1 until the row's first run
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      let run = 1;
      while (col + run < modules.size && modules.get(row, col + run)) run++;
      path += x < 0 ? `M${col + QUIET_ZONE} ${row + QUIET_ZONE}.5h${run}` : `m${col - x} 0h${run}`;
      x = col + run;
      col += run;
    }
  }
  // Always dark on white, in the dark scheme too: many scanners cannot read inverted codes.
  return (
    `<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeAttribute(label)}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#ffffff"/><path fill="none" stroke="#000000" stroke-width="1" d="${path}"/></svg>`
  );
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
