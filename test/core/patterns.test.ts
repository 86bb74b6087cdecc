import { describe, expect, it } from "vitest";
import { automatonFor, caseVariants, likeToRegex, parseLike, toJavaScriptRegex, toPostgresRegex, tokensFor } from "../../src/query/text/index.js";

const text = (value: string) => ({ kind: "text", text: value });
const ANY = { kind: "any" };
const ONE = { kind: "one" };

describe("LIKE patterns", () => {
  it("parses a LIKE pattern: % any run, _ one character, \\ escapes the next", () => {
    expect(parseLike("a%b_c")).toEqual([text("a"), ANY, text("b"), ONE, text("c")]);
    expect(parseLike("100\\%")).toEqual([text("100%")]);
    expect(parseLike("a\\_\\\\b")).toEqual([text("a_\\b")]);
    expect(parseLike("trailing\\")).toEqual([text("trailing\\")]);
    expect(parseLike("\\😀_")).toEqual([text("😀"), ONE]);
    expect(parseLike("")).toEqual([]);
  });

  it("takes the text of contains, startsWith and endsWith literally", () => {
    expect(tokensFor("contains", "%_\\")).toEqual([ANY, text("%_\\"), ANY]);
    expect(tokensFor("startsWith", "a%")).toEqual([text("a%"), ANY]);
    expect(tokensFor("endsWith", "_z")).toEqual([ANY, text("_z")]);
    expect(tokensFor("contains", "")).toEqual([ANY, ANY]);
  });

  it("becomes a regex over the whole text, leaving a leading or trailing % to the search", () => {
    const source = (operator: "like" | "contains", pattern: string) => toPostgresRegex(likeToRegex(tokensFor(operator, pattern), false));
    expect(source("like", "a_c")).toBe("^a.c$");
    expect(source("like", "%a%b_%")).toBe("a.*b.");
    expect(source("like", "a%%b")).toBe("^a.*b$");
    expect(source("like", "%")).toBe("");
    expect(source("like", "")).toBe("^$");
    expect(source("contains", "(.*)+?")).toBe("\\(\\.\\*\\)\\+\\?");
  });

  it("matches what the pattern matches, and nothing else", () => {
    const like = (pattern: string, value: string) => automatonFor("like", pattern).test(value);
    expect(like("a_c", "a😀c")).toBe(true);
    expect(like("a_c", "abbc")).toBe(false);
    expect(like("a%", "a\nmultiline")).toBe(true);
    expect(like("(.*)+?", "(.*)+?")).toBe(true);
    expect(like("(.*)+?", "anything")).toBe(false);
    expect(like("x", "xx")).toBe(false);
    expect(like("%a%a%a%a%b", "a".repeat(400))).toBe(false);
    expect(like("%a%a%a%a%b", `${"a".repeat(400)}b`)).toBe(true);
  });
});

describe("ilike: Unicode simple case folding, written as classes", () => {
  it("puts every character that folds alike into one class", () => {
    const members = (character: string) => caseVariants(character.codePointAt(0) as number).flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, offset) => String.fromCodePoint(from + offset)));
    expect(members("k")).toEqual(["K", "k", "\u212A"]);
    expect(members("σ")).toEqual(["Σ", "ς", "σ"]);
    expect(members("ß")).toEqual(["ß", "ẞ"]);
    expect(members("1")).toEqual(["1"]);
    expect(members("𐐀")).toEqual(["𐐀", "𐐨"]);
  });

  it("agrees with JavaScript's /…/iu on every character of a class", () => {
    // Every member of every class folds like its first member, by the RegExp engine's own folding.
    for (let codePoint = 0; codePoint <= 0x1ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const set = caseVariants(codePoint);
      if (set.length === 1 && set[0]?.[0] === set[0]?.[1]) continue;
      const same = new RegExp(`^${toJavaScriptRegex({ kind: "set", set: [[codePoint, codePoint]] })}$`, "iu");
      for (const [from, to] of set) for (let member = from; member <= to; member++) expect(same.test(String.fromCodePoint(member))).toBe(true);
    }
  });

  it("writes the classes for PostgreSQL, and matches with them", () => {
    expect(toPostgresRegex(likeToRegex(tokensFor("ilike", "Ok_"), true))).toBe("^[Oo][Kk\\u212A].$");
    expect(automatonFor("ilike", "%ΣΟΦΙΑ").test("σοφια")).toBe(true);
    expect(automatonFor("ilike", "straße").test("STRASSE")).toBe(false); // full folding would say yes
  });
});
