import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrCodeSvg } from "../../../src/pages/qr-code.js";

/**
 * Reads the SVG's path back into a grid of dark cells, as a scanner would see it: each
 * horizontal stroke, one module wide along a row's middle, darkens the cells it runs over.
 */
function darkCells(svg: string): Set<string> {
  const path = /<path fill="none" stroke="#000000" stroke-width="1" d="([^"]+)"/.exec(svg)?.[1] ?? "";
  const cells = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, move, dx, dy, run] of path.matchAll(/([Mm])(\d+) (\d+(?:\.5)?)h(\d+)/g)) {
    x = move === "M" ? Number(dx) : x + Number(dx);
    y = move === "M" ? Number(dy) - 0.5 : y + Number(dy);
    for (let i = 0; i < Number(run); i++) cells.add(`${x + i},${y}`);
    x += Number(run);
  }
  return cells;
}

describe("qrCodeSvg", () => {
  const url = "https://isp-faq.example.com/questions/refund";
  const svg = qrCodeSvg(url, "本页链接的二维码");

  it("draws exactly qrcode's modules for the URL, inside a four-module quiet zone", () => {
    const { modules } = QRCode.create([{ data: Buffer.from(url, "utf8"), mode: "byte" }], { errorCorrectionLevel: "M" });
    const expected = new Set<string>();
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) expected.add(`${col + 4},${row + 4}`);
    }
    expect(darkCells(svg)).toEqual(expected);
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
  });

  it("is an image with a name, dark on white, and has no style attribute for the CSP to block", () => {
    expect(svg).toMatch(/^<svg class="qr-code" [^>]*role="img" aria-label="本页链接的二维码"/);
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).not.toMatch(/style=|<style/);
  });

  it("escapes the label", () => {
    expect(qrCodeSvg(url, 'a"b<c')).toContain('aria-label="a&#34;b&#60;c"');
  });
});
