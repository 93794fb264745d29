// `npm run screenshots`: PNGs of the contents page, a question page, the all-in-one page and the 404 page,
// at 1280 and 375 px, in the light and dark schemes, into screenshots/ (git-ignored), for a
// person to look at. Needs the build and Debian's Chromium, like the browser tests.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchBrowser, newContext, type Scheme } from "./browser.js";
import { ROOT, startServer } from "./server.js";

const OUT = path.join(ROOT, "screenshots");
const WIDTHS = { desktop: 1280, phone: 375 } as const;
const SCHEMES: Scheme[] = ["light", "dark"];

const server = await startServer();
const browser = await launchBrowser();
try {
  mkdirSync(OUT, { recursive: true });
  // The first question in the contents, so the shot follows the content rather than a name.
  const home = await (await fetch(`${server.url}/`)).text();
  const firstQuestion = /href="(\/questions\/[^"]+)"/.exec(home)?.[1] ?? "/";
  const shots = { contents: "/", question: firstQuestion, all: "/all", "not-found": "/questions/no-such-question" };
  for (const [device, width] of Object.entries(WIDTHS)) {
    for (const colorScheme of SCHEMES) {
      const context = await newContext(browser, { viewport: { width, height: 800 }, colorScheme, deviceScaleFactor: 1 });
      for (const [name, url] of Object.entries(shots)) {
        const page = await context.newPage();
        await page.goto(`${server.url}${url}`, { waitUntil: "load" });
        const file = path.join(OUT, `${name}-${device}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(path.relative(ROOT, file));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
