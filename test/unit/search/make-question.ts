// Questions made in code for search unit tests, where the ranking case is clearer inline than
// in a fixture folder. Only the fields search reads matter; the rest are plausible.
import type { Question } from "../../../src/content/site.js";

export function makeQuestion(slug: string, question: string, text: string, summary = "摘要。"): Question {
  return {
    slug,
    url: `/questions/${slug}`,
    order: 1,
    question,
    summary,
    text,
    html: `<p>${text}</p>`,
    markdown: text,
    updated: "2020-11-27",
  };
}
