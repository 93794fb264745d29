// Instances behind a balancer must be interchangeable: built from the same files, two
// servers answer every page with the same bytes and ETags, so a 304 from one holds for another.
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { loadSite } from "../../src/content/load.js";
import { BASE_URL, CONTENT_DIR } from "../helpers.js";

/** What one instance prepares at start-up: the content read and every page built from it. */
const startUp = () => buildSite(loadSite(CONTENT_DIR), { publicBaseUrl: BASE_URL });

describe("two instances", () => {
  it("prepare identical bytes and headers for every page and encoding", () => {
    const [one, two] = [startUp(), startUp()];
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
