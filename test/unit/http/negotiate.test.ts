import { describe, expect, it } from "vitest";
import { negotiate } from "../../../src/http/negotiate.js";
import { preparer, REVALIDATE } from "../../../src/pages/prepared.js";

const prepare = preparer([]);

const prepared = prepare(`<p>${"常见问题 ".repeat(200)}</p>`, { type: "text/html; charset=utf-8", cache: REVALIDATE });
const encodingFor = (header: string | undefined) => negotiate(prepared, header).headers["Content-Encoding"] ?? "identity";

describe("negotiate", () => {
  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["gzip", "gzip"],
    ["br", "br"],
    // Browsers list gzip first; with equal q-values our preference, brotli, wins.
    ["gzip, deflate, br, zstd", "br"],
    ["GZIP", "gzip"],
    ["*", "br"],
    // q=0 means "not acceptable", wherever it appears.
    ["br;q=0, gzip", "gzip"],
    ["gzip, br;q=0", "gzip"],
    ["*;q=0, gzip", "gzip"],
    ["br;q=0.5, gzip;q=0.8", "gzip"],
    ["br;q=0, gzip;q=0", "identity"],
    ["deflate", "identity"],
    // Nothing acceptable at all: identity rather than 406 (RFC 9110 allows either).
    ["identity;q=0", "identity"],
  ])("Accept-Encoding %j → %s", (header, expected) => {
    expect(encodingFor(header)).toBe(expected);
  });

  it("treats repeated Accept-Encoding headers as one list", () => {
    expect(negotiate(prepared, ["gzip", "br;q=0"]).headers["Content-Encoding"]).toBe("gzip");
  });

  it("answers the same when a header is seen again (the ranking is remembered)", () => {
    for (let i = 0; i < 3; i++) expect(encodingFor("br;q=0, gzip")).toBe("gzip");
  });
});
