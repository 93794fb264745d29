import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrCodeSvg } from "../../../src/pages/qr-code.js";

/** Reads the SVG's path back into a grid of dark cells, as a scanner would see it. */
function darkCells(svg: string): Set<string> {
  const path = /<path fill="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? "";
  const cells = new Set<string>();
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(run); i++) cells.add(`${Number(x) + i},${y}`);
  }
  return cells;
}

describe("qrCodeSvg", () => {
  const url = "https://isp-faq.example.com/questions/refund";
  const svg = qrCodeSvg(url, "本页链接的二维码");

  it("draws exactly qrcode's modules for the URL, inside a four-module quiet zone", () => {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
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
