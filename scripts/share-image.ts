// `npm run share-image`: draws public/share.png, the 1200×630 picture chat apps and social sites
// show beside a link to any page (og:image). Made once and committed, not at start-up: it is
// the same for every page and costs the server nothing. Run it again after changing the
// site's title, publisher or product in content/site.yml.
// Drawn by Debian's Chromium (playwright-core) from the HTML below with Debian's
// fonts-noto-cjk, so the Chinese is set by a real CJK font, not drawn by hand.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { loadSite } from "../src/content/load.js";
import { ROOT } from "../test/browser/server.js";

const { facts } = loadSite(path.join(ROOT, "content"));
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const html = `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body { font-family: "Noto Sans CJK SC", sans-serif; background: #ffffff; color: #1f2329;
    display: flex; flex-direction: column; justify-content: center; padding: 0 96px; box-sizing: border-box;
    border-top: 24px solid #c2410c; }
  .publisher { color: #c2410c; font-size: 44px; font-weight: 700; margin: 0 0 12px; }
  h1 { font-size: 104px; line-height: 1.2; margin: 0 0 28px; font-weight: 700; }
  p { font-size: 38px; color: #51565d; margin: 0; }
</style><body>
  <p class="publisher">${escapeHtml(facts.publisher)}</p>
  <h1>${escapeHtml(facts.title)}</h1>
  <p>${escapeHtml(facts.product)}</p>
</body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.setContent(html);
  const file = path.join(ROOT, "public", "share.png");
  writeFileSync(file, await page.screenshot({ type: "png" }));
  console.log(`wrote ${path.relative(ROOT, file)}`);
} finally {
  await browser.close();
}
