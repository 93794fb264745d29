import { describe, expect, it } from "vitest";
import { cookieScheme, withScheme } from "../../../src/http/scheme.js";

describe("cookieScheme", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["scheme=dark", "dark"],
    ["scheme=light", "light"],
    [" theme=x ;  scheme=dark ; other=y", "dark"],
    ["scheme=dark; scheme=dark", "dark"],
    ["scheme=dark; scheme=light", undefined],
    ["scheme=dark; scheme=purple", undefined],
    ["scheme=purple", undefined],
    ['scheme=dark"><script>', undefined],
    ['scheme="dark"', undefined],
    ["scheme=Dark", undefined],
    ["scheme=", undefined],
    ["scheme", undefined],
    ["myscheme=dark", undefined],
    ["=dark", undefined],
  ])("%j → %s", (header, expected) => expect(cookieScheme(header)).toBe(expected));
});

describe("withScheme", () => {
  it("adds data-scheme to the <html> start tag and nothing else", () => {
    const page = '<!DOCTYPE html>\n<html lang="zh-CN">\n<head><title>html</title></head><body><p>&lt;html&gt;</p></body></html>';
    expect(withScheme(page, "dark")).toBe(page.replace('<html lang="zh-CN">', '<html lang="zh-CN" data-scheme="dark">'));
  });

  it("refuses a page without one, rather than sending it unmarked", () => {
    expect(() => withScheme("<p>no page</p>", "light")).toThrow("no <html> start tag");
  });
});
