// schema.org JSON-LD: what search engines and chat apps read to show a question and its answer.
import type { Question, Site } from "../content/site.js";

type Json = Record<string, unknown>;

export function faqPage(site: Site, questions: readonly Question[], url: string, absolute: (path: string) => string): Json {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    "@id": url,
    url,
    name: questions.length === 1 ? questions[0]?.question : site.facts.title,
    inLanguage: "zh-CN",
    publisher: { "@type": "Organization", name: site.facts.publisher },
    mainEntity: questions.map((question) => ({
      "@type": "Question",
      name: question.question,
      url: absolute(question.url),
      dateModified: question.updated,
      acceptedAnswer: { "@type": "Answer", text: question.text, url: absolute(question.url) },
    })),
  };
}

/** The site as a whole, for the contents page, which lists the questions but shows no answer. */
export function webSite(site: Site, url: string): Json {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    // The site, not its home page: FAQPage nodes use their page's URL as @id.
    "@id": `${url}#website`,
    url,
    name: site.facts.title,
    description: site.facts.description,
    inLanguage: "zh-CN",
    publisher: { "@type": "Organization", name: site.facts.publisher },
  };
}

export function breadcrumbs(trail: ReadonlyArray<{ name: string; url: string }>): Json {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({ "@type": "ListItem", position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. "<" is escaped so that no text in
 * the content can close the element early; the JSON means the same to a parser.
 */
export function jsonLdScript(data: Json | Json[]): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
