// A Question made in code rather than loaded from Markdown, for the search benchmark's
// generated questions and the search unit tests: only the fields search reads matter, and
// the rest are made plausible from the plain text.
import type { Question } from "../src/content/site.js";

export function questionFromText(fields: Pick<Question, "slug" | "order" | "question" | "summary" | "text">): Question {
  return {
    ...fields,
    url: `/questions/${fields.slug}`,
    html: `<p>${fields.text}</p>`,
    markdown: fields.text,
    updated: "2020-11-27",
    aliases: [],
    dir: ".",
  };
}
