// The Nunjucks environment over views/, set up once. Every template sees the site's facts,
// its questions and pages, and the site's own links from the route table.
import nunjucks from "nunjucks";
import type { Config } from "../config.js";
import type { Site } from "../content/site.js";
import { LINKS } from "../routes.js";
import type { Assets } from "./assets.js";
import { jsonLdScript } from "./structured-data.js";

/** The site's links as templates see them; an export points search at its static page and module. */
export type Links = { readonly [K in keyof typeof LINKS]: string } & { readonly searchModule?: string };

export type Renderer = (template: string, context: Record<string, unknown> & { url: string | null; jsonLd?: object[] }) => string;

export function makeRenderer(
  site: Site,
  config: Pick<Config, "publicBaseUrl">,
  assets: Assets,
  viewsDir: string,
  links: Links = LINKS,
): Renderer {
  // Templates are read and compiled here, at start-up; throwOnUndefined turns a typo in a
  // template into a start-up failure instead of a blank spot on a page. trimBlocks and
  // lstripBlocks drop the lines that {% %} tags leave, so pages carry no trailing whitespace.
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewsDir), {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter("asset", (name: string) => {
    const url = assets.urls[name];
    if (url === undefined) throw new Error(`views: asset "${name}" is not in public/`);
    return url;
  });
  return (template, context) =>
    env.render(template, {
      site: site.facts,
      questions: site.questions,
      pages: site.pages,
      links,
      baseUrl: config.publicBaseUrl,
      canonical: context.url === null ? null : `${config.publicBaseUrl}${context.url}`,
      ogType: "website",
      noindex: false,
      ...context,
      jsonLd: context.jsonLd?.map((data) => jsonLdScript(data as Record<string, unknown>)) ?? [],
    });
}
