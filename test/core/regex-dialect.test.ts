import { describe, expect, it } from "vitest";
import { Automaton, expandedSize, parseRegex, PatternError, toJavaScriptRegex, toPostgresRegex } from "../../src/query/text/index.js";

/** What the parser says about a pattern: the two sources it writes, or the refusal. */
function outcome(pattern: string): { postgres: string; javascript: string } | { refused: string; at: number; because: string } {
  try {
    const node = parseRegex(pattern);
    return { postgres: toPostgresRegex(node), javascript: toJavaScriptRegex(node) };
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    return { refused: error.construct, at: error.position, because: error.problem };
  }
}

const matches = (pattern: string, text: string) => new Automaton(parseRegex(pattern)).test(text);

describe("Ommi's regex dialect: accepted, and written for each engine", () => {
  const ANY_JS = "[\\u{0}-\\u{D7FF}\\u{E000}-\\u{10FFFF}]";
  it.each([
    ["", "", ""],
    ["c.t", "c.t", `c${ANY_JS}t`],
    ["^(dog|cat)$", "^(?:dog|cat)$", "^(?:dog|cat)$"],
    ["(?:ab)+c?", "(?:ab)+c?", "(?:ab)+c?"],
    ["a{2}b{2,}c{2,3}d{0,1}", "a{2}b{2,}c{2,3}d?", "a{2}b{2,}c{2,3}d?"],
    ["a*?b+?c??d{1,2}?", "a*b+c?d{1,2}", "a*b+c?d{1,2}"],
    ["\\d\\w\\s", "[0-9][0-9A-Z\\u005Fa-z][\\u0009-\\u000D\\u0020]", "[0-9][0-9A-Z\\u{5F}a-z][\\u{9}-\\u{D}\\u{20}]"],
    ["\\D", "[\\u0000-\\u002F\\u003A-\\uD7FF\\uE000-\\U0010FFFF]", "[\\u{0}-\\u{2F}\\u{3A}-\\u{D7FF}\\u{E000}-\\u{10FFFF}]"],
    ["[^a-z]", "[\\u0000-\\u0060\\u007B-\\uD7FF\\uE000-\\U0010FFFF]", "[\\u{0}-\\u{60}\\u{7B}-\\u{D7FF}\\u{E000}-\\u{10FFFF}]"],
    ["[\\d_-]", "[\\u002D0-9\\u005F]", "[\\u{2D}0-9\\u{5F}]"],
    ["\\.\\*\\\\\\/\\-\\#", "\\.\\*\\\\\\/\\-\\#", "\\u{2E}\\u{2A}\\u{5C}\\u{2F}\\u{2D}\\u{23}"],
    ["\\t\\n\\r\\f\\v", "\\u0009\\u000A\\u000D\\u000C\\u000B", "\\u{9}\\u{A}\\u{D}\\u{C}\\u{B}"],
    ["\\u00e9\\u{1F600}\\uD83D\\uDE00\\x41", "é😀😀A", "\\u{E9}\\u{1F600}\\u{1F600}A"],
    ["é😀 ", "é😀\\u0020", "\\u{E9}\\u{1F600}\\u{20}"],
    ["a|", "a|", "a|"],
    ["(|a)()", "(?:|a)", "(?:|a)"],
  ])("%j", (pattern, postgres, javascript) => {
    expect(outcome(pattern)).toEqual({ postgres, javascript });
  });

  it("never hands a database text that its own syntax would read differently", () => {
    // ARE's extras (`***=`, `(?x)`, `[[:`, `\y`) cannot come from escaped or literal text.
    expect(outcome("\\*\\*\\*=")).toMatchObject({ postgres: "\\*\\*\\*\\=" });
    expect(outcome("\\(\\?x\\)")).toMatchObject({ postgres: "\\(\\?x\\)" });
    expect(outcome("[\\[:]")).toMatchObject({ postgres: "[\\u003A\\u005B]" });
    expect(outcome("\\u0000")).toMatchObject({ postgres: "\\u0000" });
  });
});

describe("Ommi's regex dialect: refused, with the position and a way out", () => {
  it.each([
    ["a\\b", "\\b", 1, /word boundaries/],
    ["\\Bx", "\\B", 0, /word boundaries/],
    ["[\\b]", "\\b", 1, /backspace/],
    ["\\p{L}", "\\p{L}", 0, /Unicode property/],
    ["x\\P{Lu}", "\\P{Lu}", 1, /Unicode property/],
    ["[^]", "[^]", 0, /write \. instead/],
    ["a[]", "[]", 1, /empty class/],
    ["[^\\s\\S]", "[^\\s\\S]", 0, /no character/],
    ["[[:alpha:]]", "[:alpha:]", 1, /POSIX/],
    ["[[=a=]]", "[=a=]", 1, /POSIX/],
    ["[a[]", "[", 2, /escaped as \\\[/],
    ["(a)\\1", "\\1", 3, /backreferences/],
    ["\\k<x>", "\\k", 0, /backreferences/],
    ["\\0", "\\0", 0, /\\u0000/],
    ["(?=a)", "(?=", 0, /lookaround/],
    ["(?!a)", "(?!", 0, /lookaround/],
    ["(?<=a)b", "(?<=", 0, /lookaround/],
    ["(?<!a)b", "(?<!", 0, /lookaround/],
    ["(?<name>a)", "(?<", 0, /named groups/],
    ["(?i)abc", "(?i)", 0, /ilike/],
    ["(?i:abc)", "(?i:", 0, /ilike/],
    ["(?>a)", "(?>", 0, /atomic/],
    ["a*+", "*+", 1, /possessive/],
    ["a{2}+", "{2}+", 1, /possessive/],
    ["*a", "*", 0, /nothing to repeat/],
    ["a|+", "+", 2, /nothing to repeat/],
    ["(?:)*x(*)", "*", 7, /nothing to repeat/],
    ["a**", "*", 2, /cannot follow/],
    ["^*", "*", 1, /anchor/],
    ["a{,3}", "{,", 1, /\{0,n\}/],
    ["a{256}", "{256}", 1, /at most 255/],
    ["a{3,2}", "{3,2}", 1, /below/],
    ["{", "{", 0, /escaped as \\\{/],
    ["a}", "}", 1, /escaped as \\\}/],
    ["a]", "]", 1, /escaped as \\\]/],
    ["(a", "(", 0, /never closed/],
    ["a)", ")", 1, /closes no group/],
    ["[a-", "[", 0, /never closed/],
    ["[z-a]", "z-a", 1, /out of order/],
    ["[\\d-z]", "\\d-z", 1, /single character/],
    ["[a-c-e]", "-", 4, /ambiguous/],
    ["\\A", "\\A", 0, /\^ for the start/],
    ["x\\z", "\\z", 1, /\$ for the end/],
    ["\\q", "\\q", 0, /not in Ommi's regex dialect/],
    ["\\é", "\\é", 0, /without the backslash/],
    ["ab\\", "\\", 2, /trailing/],
    ["\\uD800", "\\uD800", 0, /lone surrogate/],
    ["\\u{DC00}", "\\u{DC00}", 0, /lone surrogate/],
    ["\\u{110000}", "\\u{", 0, /10FFFF/],
    ["\\u12", "\\u", 0, /four hexadecimal/],
    ["\\x4", "\\x", 0, /two hexadecimal/],
  ])("%j", (pattern, construct, position, because) => {
    const result = outcome(pattern);
    expect(result).toMatchObject({ refused: construct, at: position });
    expect((result as { because: string }).because).toMatch(because);
  });
});

describe("Ommi's regex dialect: what it means", () => {
  it("`.` is any one character, newline and astral ones included", () => {
    expect(matches("^.$", "\n")).toBe(true);
    expect(matches("^.$", "😀")).toBe(true);
    expect(matches("^..$", "😀")).toBe(false);
  });

  it("^ and $ are the start and end of the whole text (no multi-line mode, no final-newline exception)", () => {
    expect(matches("a$", "a\n")).toBe(false);
    expect(matches("^b", "a\nb")).toBe(false);
    expect(matches("^$", "")).toBe(true);
    expect(matches("$^", "")).toBe(true);
    expect(matches("a$|^b", "ba")).toBe(true);
  });

  it("\\d \\w \\s are ASCII only; \\D \\W \\S their complements", () => {
    expect(matches("\\d", "٣")).toBe(false); // Arabic-Indic digit three
    expect(matches("\\w", "é")).toBe(false);
    expect(matches("\\s", "\u00a0")).toBe(false);
    expect(matches("\\s", "\u000b")).toBe(true);
    expect(matches("^\\S\\W\\D$", "é😀\n")).toBe(true);
  });

  it("escaped surrogate pairs and \\u{…} are one character", () => {
    expect(matches("^\\uD83D\\uDE00$", "😀")).toBe(true);
    expect(matches("^\\u{1F600}$", "😀")).toBe(true);
    expect(matches("^[\\u{1F600}-\\u{1F64F}]+$", "😀🙏")).toBe(true);
  });

  it("answers the patterns that make backtracking engines hang, correctly", () => {
    expect(matches("(a+)+$", `${"a".repeat(31)}!`)).toBe(false);
    expect(matches("(a+)+$", `${"a".repeat(31)}!a`)).toBe(true);
    expect(matches("^(a+)+$", `${"a".repeat(5000)}!`)).toBe(false);
    expect(matches("^(a|a)*$", "a".repeat(5000))).toBe(true);
    expect(matches("^(a*)*b", "a".repeat(5000))).toBe(false);
    expect(matches("^(?:.*a){20}$", "a".repeat(19))).toBe(false);
  }, 60_000);

  it("switches from the DFA to the NFA simulation on patterns that make a new state at every character, with the same answers", () => {
    let text = "";
    for (let index = 0; index < 20_000; index++) text += index % 3 === 0 || index % 7 === 0 ? "a" : "b";
    for (const gap of [4, 12, 30]) {
      const pattern = `a[ab]{${gap}}c`;
      expect(matches(pattern, text)).toBe(false);
      expect(matches(pattern, `${text}c`)).toBe(new RegExp(`${pattern}$`).test(`${text}c`));
      expect(matches(`a[ab]{${gap}}b$`, text)).toBe(new RegExp(`a[ab]{${gap}}b$`).test(text));
    }
  }, 60_000);

  it("counts a pattern's size with its repetitions written out", () => {
    expect(expandedSize(parseRegex("abc"))).toBe(3);
    expect(expandedSize(parseRegex("a{100}"))).toBe(100);
    expect(expandedSize(parseRegex("(ab){2,}"))).toBe(6);
    expect(expandedSize(parseRegex("(a{10}){10}|b"))).toBe(101);
    expect(expandedSize(parseRegex("^$"))).toBe(0);
    expect(expandedSize(parseRegex("((){200}){200}"))).toBe(40_000);
  });
});
