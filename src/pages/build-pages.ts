// Lays a loaded Site into HTML pages once, at start-up: the contents, one page per question,
// the all-in-one page and the stand-alone pages, each as a prepared response keyed by its URL.
import type { Config } from "../config.js";
import type { Site } from "../content/site.js";
import { ROUTES } from "../routes.js";
import { allSections } from "./all-in-one.js";
import { type Prepare, type PreparedResponse, REVALIDATE } from "./prepared.js";
import { qrCodeSvg } from "./qr-code.js";
import type { Renderer } from "./renderer.js";
import { breadcrumbs, faqPage, webSite } from "./structured-data.js";

export const HTML = "text/html; charset=utf-8";

export function buildHtmlPages(
  site: Site,
  config: Pick<Config, "publicBaseUrl">,
  render: Renderer,
  prepare: Prepare,
): Map<string, PreparedResponse> {
  const absolute = (url: string) => `${config.publicBaseUrl}${url}`;
  const home = { name: "目录", url: absolute(ROUTES.contents.path) };
  const pages = new Map<string, PreparedResponse>();
  const html = (url: string, template: string, context: Record<string, unknown>) =>
    pages.set(url, prepare(render(template, { url, ...context }), { type: HTML, cache: REVALIDATE }));

  html(ROUTES.contents.path, "toc.njk", {
    title: site.facts.title,
    description: site.facts.description,
    // No FAQPage here: search engines take FAQ markup only where the answers are on the
    // page, and want each question marked up once, which its own page does.
    jsonLd: [webSite(site, absolute(ROUTES.contents.path))],
  });

  site.questions.forEach((question, index) => {
    // The breadcrumb's last step, as the page shows it and as its JSON-LD names it.
    const crumb = `问题 ${index + 1}`;
    html(question.url, "question.njk", {
      title: `${question.question} - ${site.facts.title}`,
      description: question.summary,
      ogType: "article",
      question,
      number: index + 1,
      crumb,
      previous: site.questions[index - 1],
      next: site.questions[index + 1],
      qrCode: qrCodeSvg(absolute(question.url), `本页链接的二维码：${absolute(question.url)}`),
      jsonLd: [
        faqPage(site, [question], absolute(question.url), absolute),
        breadcrumbs([home, { name: crumb, url: absolute(question.url) }]),
      ],
    });
  });

  html(ROUTES.all.path, "all.njk", {
    title: `全文 - ${site.facts.title}`,
    description: site.facts.description,
    sections: allSections(site),
    // Each question's FAQPage markup is on its own page: search engines want it once per site.
    jsonLd: [breadcrumbs([home, { name: "全文", url: absolute(ROUTES.all.path) }])],
  });

  for (const page of site.pages) {
    html(page.url, "page.njk", {
      title: `${page.title} - ${site.facts.title}`,
      description: page.summary,
      page,
      jsonLd: [breadcrumbs([home, { name: page.title, url: absolute(page.url) }])],
    });
  }
  return pages;
}
