import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { automatonFor, backtrackingPatternFor, type TextOperator } from "ommi/driver";

// The `$regex` patterns of the text operators, run by Python's `re` (the engine of the MongoDB
// stand-in; MongoDB's PCRE reads the same syntax the same way, see drivers/mongodb/regex.ts)
// and compared with Ommi's own matcher, which defines the meaning on every driver.

const TEXTS = [
  "", "a", "ab", "abc", "ABC", "Abc", "a%b", "a_b", "a\\b", "axb", "axxb", "a.b", "a*b", "a?b", "a[b]", "100%", "_x", "x\\",
  "a\nb", "ab\n", "x\nab", "a😀b", "😀", "a\u{1F600}", "a\u0000b", "admin\u0000xyz", "\u0000", "ab\u0000cd",
  "école", "ÉCOLE", "Ecole", "ΣΟΦΙΑ", "σοφια", "k", "K", "\u212A", "s", "S", "ſ", "ß", "ẞ", "ς", "σ", "Σ", "ı", "I", "i", "İ", "𐐀", "𐐨",
  "a b", "a\tb", "a\u000bb", "a\u00a0b", "a\u3000b", "a\u0663b", "aéb", "a1b", "***=a", "[[:alpha:]]", "a\\y", "(?x)", "cat", "cart", "c4t",
  "a".repeat(31), `${"a".repeat(31)}!`, `!${"a".repeat(31)}`, "a".repeat(400), `${"a".repeat(399)}B`, `${"A".repeat(200)}b${"a".repeat(199)}`,
];

const CASES: [TextOperator, string][] = [
  ["contains", "%"], ["contains", "_"], ["contains", "\\"], ["contains", "a\\b"], ["contains", "*"], ["contains", "?"], ["contains", ""],
  ["contains", "a\u0000"], ["contains", "cd"], ["startsWith", "a%"], ["startsWith", "a["], ["startsWith", "admin\u0000"], ["startsWith", ""],
  ["startsWith", "é"], ["endsWith", "%"], ["endsWith", "\\"], ["endsWith", "_b"], ["endsWith", ".b"], ["endsWith", "b"], ["endsWith", ""], ["endsWith", "\u0000xyz"],
  ["like", "a_b"], ["like", "a%b"], ["like", "a\\%b"], ["like", "%"], ["like", "_"], ["like", ""], ["like", "%OLE"], ["like", "ab_cd"], ["like", "a%%b%"],
  ["like", "%a_"], ["like", "_%_"], ["like", "__"],
  ["ilike", "école"], ["ilike", "ABC"], ["ilike", "%cole"], ["ilike", "σοφια"], ["ilike", "_BC"], ["ilike", "k"], ["ilike", "s"], ["ilike", "ß"],
  ["ilike", "σ"], ["ilike", "i"], ["ilike", "𐐨"], ["ilike", "ADMIN\u0000XYZ"], ["ilike", "%a%a%a%a%b"], ["ilike", "%a%a%a%a%b%"], ["ilike", "%CD"],
  ["regex", "c.t"], ["regex", "^c[a-z]+t$"], ["regex", "^(dog|cat)$"], ["regex", "[0-9]"], ["regex", ""], ["regex", "^a\\sb$"], ["regex", "^a\\Sb$"],
  ["regex", "^a\\db$"], ["regex", "^a\\Db$"], ["regex", "^a\\wb$"], ["regex", "^a\\W+b$"], ["regex", "^a[\\s\\d]b$"], ["regex", "^a.b$"], ["regex", "b$"],
  ["regex", "b\\n?$"], ["regex", "^ab"], ["regex", "^\\u{1F600}$"], ["regex", "\\uD83D\\uDE00"], ["regex", "^[\\u{1F600}-\\u{1F64F}]$"], ["regex", "^.{2}$"],
  ["regex", "^\\*\\*\\*=a"], ["regex", "a\\.b"], ["regex", "\\[\\[:alpha:\\]\\]"], ["regex", "a\\\\y"], ["regex", "^\\(\\?x\\)$"], ["regex", "^a\\u0000"],
  ["regex", "\u0000"], ["regex", "^ab.cd$"], ["regex", "(a+)+$"], ["regex", "^(a+)+$"], ["regex", "[^a]"], ["regex", "(^|x)a"], ["regex", "a{2,3}$"],
];

/** For each case, which texts Python's `re.search` finds the pattern in (one process for all). */
function pythonMatches(patterns: readonly string[]): boolean[][] {
  const script = "import json,re,sys\nd=json.load(sys.stdin)\nprint(json.dumps([[re.search(p,t) is not None for t in d['texts']] for p in d['patterns']]))";
  const output = execFileSync("/usr/bin/python3", ["-c", script], { input: JSON.stringify({ patterns, texts: TEXTS }), encoding: "utf8", timeout: 60_000 });
  return JSON.parse(output) as boolean[][];
}

describe("MongoDB text patterns", () => {
  it("match exactly the texts Ommi's matcher matches, for every operator", () => {
    const patterns = CASES.map(([operator, value]) => backtrackingPatternFor(operator, value));
    const found = pythonMatches(patterns);
    CASES.forEach(([operator, value], index) => {
      const expected = TEXTS.map((text) => automatonFor(operator, value).test(text));
      expect(found[index], `${operator}(${JSON.stringify(value)}) as ${patterns[index]}`).toEqual(expected);
    });
  });

  it("never hold a NUL character (MongoDB refuses one in a pattern)", () => {
    for (const [operator, value] of CASES) expect(backtrackingPatternFor(operator, value)).not.toContain("\u0000");
    expect(backtrackingPatternFor("contains", "a\u0000")).toBe("^(?>[\\s\\S]*?a\\x00)");
  });

  it("write like runs as atomic searches, so that backtracking engines stay linear", () => {
    expect(backtrackingPatternFor("like", "abc")).toBe("^abc(?![\\s\\S])");
    expect(backtrackingPatternFor("startsWith", "a.")).toBe("^a\\.");
    expect(backtrackingPatternFor("endsWith", "b")).toBe("^(?>[\\s\\S]*?b(?![\\s\\S]))");
    expect(backtrackingPatternFor("like", "a%b_%c")).toBe("^a(?>[\\s\\S]*?b[\\s\\S])(?>[\\s\\S]*?c(?![\\s\\S]))");
    expect(backtrackingPatternFor("contains", "")).toBe("^");
    expect(backtrackingPatternFor("ilike", "k")).toBe("^[Kk\u212A](?![\\s\\S])");
  });

  it("write the regex dialect's classes out and end the text with a lookahead", () => {
    expect(backtrackingPatternFor("regex", "^a\\Db$")).toBe("^a[^0-9]b(?![\\s\\S])");
    expect(backtrackingPatternFor("regex", "(a+)+$")).toBe("a+(?![\\s\\S])");
    expect(backtrackingPatternFor("regex", "x{2,}|y")).toBe("x{2,}|y");
  });
});
