// Chooses which prepared representation a request gets from its Accept-Encoding: the client's
// q-values first (q=0 means never), then our preference, brotli over gzip over identity.
import Negotiator from "negotiator";
import type { PreparedResponse, Representation } from "../pages/prepared.js";

const OURS = ["br", "gzip", "identity"] as const;
type Encoding = (typeof OURS)[number];

/** Browsers send a handful of distinct headers, so each is parsed once; the bound keeps odd clients from growing it. */
const rankings = new Map<string, readonly Encoding[]>();
const MAX_REMEMBERED = 256;
const MAX_HEADER_LENGTH = 256;

export function negotiate(prepared: PreparedResponse, acceptEncoding: string | string[] | undefined): Representation {
  if (prepared.br === undefined && prepared.gzip === undefined) return prepared;
  for (const encoding of ranking(acceptEncoding)) {
    if (encoding === "identity") return prepared;
    const representation = prepared[encoding];
    if (representation !== undefined) return representation;
  }
  // Nothing acceptable (say, "identity;q=0"): RFC 9110 lets us send identity rather than 406.
  return prepared;
}

function ranking(header: string | string[] | undefined): readonly Encoding[] {
  const key = Array.isArray(header) ? header.join(", ") : (header ?? "");
  const known = rankings.get(key);
  if (known !== undefined) return known;
  const ranked = new Negotiator({ headers: { "accept-encoding": key } }).encodings(OURS, { preferred: OURS }) as Encoding[];
  if (key.length <= MAX_HEADER_LENGTH) {
    if (rankings.size >= MAX_REMEMBERED) rankings.clear();
    rankings.set(key, ranked);
  }
  return ranked;
}
