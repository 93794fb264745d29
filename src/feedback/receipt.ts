// A receipt for a counted vote: the vote's row id and day, signed with the store's key. The
// reader's browser hands it back (the script keeps it for the day; without JavaScript it rides
// in the thank-you URL) when the same reader changes the vote or adds a reason, so one reader
// counts once per page per day without us storing anything that identifies them.
// Limits: a reader who drops the receipt (another browser, cleared storage, a fresh page
// without JavaScript) is counted again; only the rate limit bounds that.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Day } from "../store/store.js";

export interface Receipt {
  readonly id: number;
  readonly day: Day;
}

export function signReceipt(key: Buffer, page: string, { id, day }: Receipt): string {
  return `${id}.${day}.${mac(key, page, id, day)}`;
}

/** The receipt if it is ours, for this page, and from `today`; otherwise undefined. */
export function readReceipt(key: Buffer, page: string, today: Day, text: unknown): Receipt | undefined {
  if (typeof text !== "string") return undefined;
  const match = /^(\d{1,15})\.(\d{4}-\d{2}-\d{2})\.([A-Za-z0-9_-]{22})$/.exec(text);
  if (match === null || match[2] !== today) return undefined;
  const id = Number(match[1]);
  const expected = Buffer.from(mac(key, page, id, today));
  const given = Buffer.from(match[3] as string);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { id, day: today } : undefined;
}

function mac(key: Buffer, page: string, id: number, day: Day): string {
  return createHmac("sha256", key).update(`${page}\u0000${id}\u0000${day}`).digest("base64url").slice(0, 22);
}
