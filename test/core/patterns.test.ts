import { describe, expect, it } from "vitest";
import { parseLike, toGlob, tokensFor, toLike, toRegExpSource } from "../../drivers/sql/patterns.js";

const text = (value: string) => ({ kind: "text", text: value });
const ANY = { kind: "any" };
const ONE = { kind: "one" };

describe("text patterns", () => {
  it("parses a LIKE pattern: % any run, _ one character, \\ escapes the next", () => {
    expect(parseLike("a%b_c")).toEqual([text("a"), ANY, text("b"), ONE, text("c")]);
    expect(parseLike("100\\%")).toEqual([text("100%")]);
    expect(parseLike("a\\_\\\\b")).toEqual([text("a_\\b")]);
    expect(parseLike("trailing\\")).toEqual([text("trailing\\")]);
    expect(parseLike("")).toEqual([]);
  });

  it("takes the text of contains, startsWith and endsWith literally", () => {
    expect(tokensFor("contains", "%_\\")).toEqual([ANY, text("%_\\"), ANY]);
    expect(tokensFor("startsWith", "a%")).toEqual([text("a%"), ANY]);
    expect(tokensFor("endsWith", "_z")).toEqual([ANY, text("_z")]);
    expect(tokensFor("contains", "")).toEqual([ANY, ANY]);
  });

  it("writes LIKE with \\ escaping %, _ and \\ in literal text", () => {
    expect(toLike(tokensFor("contains", "50%_off\\"))).toBe("%50\\%\\_off\\\\%");
  });

  it("writes GLOB with *, ? and [ bracketed in literal text", () => {
    expect(toGlob(tokensFor("startsWith", "a*b?c[d]"))).toBe("a[*]b[?]c[[]d]*");
    expect(toGlob(parseLike("a_%"))).toBe("a?*");
  });

  it("writes an anchored RegExp that matches what the pattern matches, and nothing else", () => {
    const matches = (pattern: string, value: string) => new RegExp(toRegExpSource(parseLike(pattern)), "u").test(value);
    expect(matches("a_c", "a😀c")).toBe(true);
    expect(matches("a_c", "abbc")).toBe(false);
    expect(matches("a%", "a\nmultiline")).toBe(true);
    expect(matches("(.*)+?", "(.*)+?")).toBe(true);
    expect(matches("(.*)+?", "anything")).toBe(false);
    expect(matches("x", "xx")).toBe(false);
  });
});
