// /sitemap.xml and /robots.txt for crawlers: the routes the route table marks for the sitemap,
// then every question and page, each with the date it was last checked.
import type { Site } from "../content/site.js";
import { ROUTES } from "../routes.js";

export function sitemapXml(site: Site, absolute: (url: string) => string): string {
  const latest = [...site.questions, ...site.pages].map((doc) => doc.updated).reduce((a, b) => (a > b ? a : b));
  const own = Object.values(ROUTES)
    .filter((route) => route.inSitemap)
    .map((route) => ({ url: route.path, updated: latest }));
  const entries = [...own.slice(0, 1), ...site.questions, ...own.slice(1), ...site.pages].map(
    (doc) => `  <url>\n    <loc>${escapeXml(absolute(doc.url))}</loc>\n    <lastmod>${doc.updated}</lastmod>\n  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

export function robotsTxt(absolute: (url: string) => string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute(ROUTES.sitemap.path)}\n`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
