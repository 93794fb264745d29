// A QR code of a URL as inline SVG, made once at start-up. qrcode does the encoding; we only
// draw its matrix, with presentation attributes (the CSP blocks style attributes) and a label.
import QRCode from "qrcode";

/** Modules of blank margin on each side; scanners need four. */
const QUIET_ZONE = 4;

export function qrCodeSvg(text: string, label: string): string {
  // Level M survives a smudged printout or a photo of a screen and keeps the code small.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size + 2 * QUIET_ZONE;
  // One path of horizontal runs: a few kilobytes rather than a rect per module.
  let path = "";
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      let run = 1;
      while (col + run < modules.size && modules.get(row, col + run)) run++;
      path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`;
      col += run - 1;
    }
  }
  // Always dark on white, in the dark scheme too: many scanners cannot read inverted codes.
  return (
    `<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeAttribute(label)}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#ffffff"/><path fill="#000000" d="${path}"/></svg>`
  );
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
