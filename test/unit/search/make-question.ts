// Questions made in code for search unit tests, where the ranking case is clearer inline than
// in a fixture folder.

import { questionFromText } from "../../../scripts/question-from-text.js";
import type { Question } from "../../../src/content/site.js";

export function makeQuestion(slug: string, question: string, text: string, summary = "摘要。"): Question {
  return questionFromText({ slug, order: 1, question, summary, text });
}
