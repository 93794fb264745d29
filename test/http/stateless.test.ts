// Instances behind a balancer must be interchangeable: built from the same files, two
// servers answer every page with the same bytes and ETags, so a 304 from one holds for another.
import { describe, expect, it } from "vitest";
import { makeServer } from "../helpers.js";

describe("two instances", () => {
  it("prepare identical bytes and headers for every page and encoding", () => {
    const [one, two] = [makeServer(), makeServer()];
    expect([...two.pages.keys()]).toEqual([...one.pages.keys()]);
    for (const [url, page] of one.pages) {
      const other = two.pages.get(url);
      for (const key of ["identity", "br", "gzip"] as const) {
        const [a, b] = key === "identity" ? [page, other] : [page[key], other?.[key]];
        expect(b?.head, `${url} ${key}`).toEqual(a?.head);
        expect(b?.body.toString("base64"), `${url} ${key}`).toBe(a?.body.toString("base64"));
      }
    }
  });
});
