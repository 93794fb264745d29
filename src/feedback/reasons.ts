// The reasons a reader may give after 没帮助, in the order the form lists them, with their
// words; the store keeps the key, the form, the owner page and the report show the words.
import type { Reason } from "../store/store.js";

export const REASON_WORDS: Readonly<Record<Reason, string>> = {
  wrong: "内容有误",
  unsolved: "没有解决我的问题",
  unclear: "描述不清楚",
  outdated: "信息已过时",
  other: "其他",
};
