import { expect, it } from "vitest";
import { MAX_LIKE_WILDCARDS, MAX_PATTERN_LENGTH, MAX_REGEX_SIZE, QueryError, type Conditional } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { defineSample } from "../support/models.js";
import { failure } from "../support/results.js";
import { seedSamples, textRows } from "../support/samples.js";

/** Generous: these patterns once froze SQLite for minutes; a regression must fail, not hang forever. */
const PATHOLOGICAL_TIMEOUT = 120_000;

export const textOperators = defineScenario("text-operators", "text operators", (context) => {
  const seed = (texts: (string | null)[]) => seedSamples(context(), textRows(texts));

  it("contains, startsWith and endsWith take %, _ and \\ as literal text", async () => {
    const { Sample, texts } = await seed(["a%b", "a_b", "a\\b", "axb", "ab", "100%", "_x", "x\\", null]);
    expect(await texts(Sample.text.contains("%"))).toEqual(["100%", "a%b"]);
    expect(await texts(Sample.text.contains("_"))).toEqual(["_x", "a_b"]);
    expect(await texts(Sample.text.contains("\\"))).toEqual(["a\\b", "x\\"]);
    expect(await texts(Sample.text.contains("a\\b"))).toEqual(["a\\b"]);
    expect(await texts(Sample.text.startsWith("a%"))).toEqual(["a%b"]);
    expect(await texts(Sample.text.startsWith("_"))).toEqual(["_x"]);
    expect(await texts(Sample.text.endsWith("%"))).toEqual(["100%"]);
    expect(await texts(Sample.text.endsWith("\\"))).toEqual(["x\\"]);
    expect(await texts(Sample.text.endsWith("_b"))).toEqual(["a_b"]);
  });

  it("contains, startsWith and endsWith take other pattern syntaxes (*, ?, [, .) literally too", async () => {
    const { Sample, texts } = await seed(["a*b", "a?b", "a[b]", "a.b", "axb"]);
    expect(await texts(Sample.text.contains("*"))).toEqual(["a*b"]);
    expect(await texts(Sample.text.contains("?"))).toEqual(["a?b"]);
    expect(await texts(Sample.text.startsWith("a["))).toEqual(["a[b]"]);
    expect(await texts(Sample.text.endsWith(".b"))).toEqual(["a.b"]);
  });

  it("contains, startsWith, endsWith, like and regex are case-sensitive", async () => {
    const { Sample, texts } = await seed(["abc", "ABC", "Abc", "école", "ÉCOLE"]);
    expect(await texts(Sample.text.contains("bc"))).toEqual(["Abc", "abc"]);
    expect(await texts(Sample.text.startsWith("A"))).toEqual(["ABC", "Abc"]);
    expect(await texts(Sample.text.endsWith("BC"))).toEqual(["ABC"]);
    expect(await texts(Sample.text.like("abc"))).toEqual(["abc"]);
    expect(await texts(Sample.text.like("%OLE"))).toEqual(["ÉCOLE"]);
    expect(await texts(Sample.text.regex("^a"))).toEqual(["abc"]);
    expect(await texts(Sample.text.startsWith("é"))).toEqual(["école"]);
  });

  it("like: % is any run of characters, _ exactly one, \\ makes the next literal", async () => {
    const { Sample, texts } = await seed(["ab", "axb", "a%b", "axxb", "b", "é", "中", "😀", ""]);
    expect(await texts(Sample.text.like("a_b"))).toEqual(["a%b", "axb"]);
    expect(await texts(Sample.text.like("a%b"))).toEqual(["a%b", "ab", "axb", "axxb"]);
    expect(await texts(Sample.text.like("a\\%b"))).toEqual(["a%b"]);
    expect(await texts(Sample.text.like("%"))).toEqual(["", "a%b", "ab", "axb", "axxb", "b", "é", "中", "😀"]);
    expect(await texts(Sample.text.like("_"))).toEqual(["b", "é", "中", "😀"]);
    expect(await texts(Sample.text.like(""))).toEqual([""]);
  });

  it("ilike ignores case, Unicode letters included", async () => {
    const { Sample, texts } = await seed(["ÉCOLE", "école", "Ecole", "abc", "ABC", "ΣΟΦΙΑ", "σοφια"]);
    expect(await texts(Sample.text.ilike("école"))).toEqual(["ÉCOLE", "école"]);
    expect(await texts(Sample.text.ilike("ABC"))).toEqual(["ABC", "abc"]);
    expect(await texts(Sample.text.ilike("%cole"))).toEqual(["Ecole", "ÉCOLE", "école"]);
    expect(await texts(Sample.text.ilike("σοφια"))).toEqual(["ΣΟΦΙΑ", "σοφια"]);
    expect(await texts(Sample.text.ilike("_BC"))).toEqual(["ABC", "abc"]);
  });

  it("regex: classes, anchors, groups, alternation and quantifiers", async () => {
    const { Sample, texts } = await seed(["cat", "cart", "scatter", "dog", "c4t", "CAT"]);
    expect(await texts(Sample.text.regex("c.t"))).toEqual(["c4t", "cat", "scatter"]);
    expect(await texts(Sample.text.regex("^c[a-z]+t$"))).toEqual(["cart", "cat"]);
    expect(await texts(Sample.text.regex("^(dog|cat)$"))).toEqual(["cat", "dog"]);
    expect(await texts(Sample.text.regex("[0-9]"))).toEqual(["c4t"]);
  });

  it("contains('') matches every text, the empty one included", async () => {
    const { Sample, texts } = await seed(["", "a", null]);
    expect(await texts(Sample.text.contains(""))).toEqual(["", "a"]);
    expect(await texts(Sample.text.startsWith(""))).toEqual(["", "a"]);
  });

  it("regex: \\d \\w \\s are ASCII and \\D \\W \\S their complements, on every driver", async () => {
    // 1 space, 2 tab, 3 newline, 4 vertical tab, 5 no-break space, 6 ideographic space, 7 nothing, 8 Arabic-Indic digit, 9 é
    const { Sample, ids } = await seed(["a b", "a\tb", "a\nb", "a\u000bb", "a\u00a0b", "a\u3000b", "ab", "a\u0663b", "aéb", "a1b", "a_b"]);
    expect(await ids(Sample.text.regex("^a\\sb$"))).toEqual([1, 2, 3, 4]);
    expect(await ids(Sample.text.regex("^a\\Sb$"))).toEqual([5, 6, 8, 9, 10, 11]);
    expect(await ids(Sample.text.regex("^a\\db$"))).toEqual([10]);
    expect(await ids(Sample.text.regex("^a\\Db$"))).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 11]);
    expect(await ids(Sample.text.regex("^a\\wb$"))).toEqual([10, 11]);
    expect(await ids(Sample.text.regex("^a\\W+b$"))).toEqual([1, 2, 3, 4, 5, 6, 8, 9]);
    expect(await ids(Sample.text.regex("^a[\\s\\d]b$"))).toEqual([1, 2, 3, 4, 10]);
  });

  it("regex: `.` is any character (newline and astral ones too), ^ $ the ends of the whole text, \\u{…} a code point", async () => {
    const { Sample, ids } = await seed(["a\nb", "a😀b", "a-b", "ab\n", "x\nab", "😀", "a\u{1F600}"]);
    expect(await ids(Sample.text.regex("^a.b$"))).toEqual([1, 2, 3]);
    expect(await ids(Sample.text.regex("b$"))).toEqual([1, 2, 3, 5]);
    expect(await ids(Sample.text.regex("b\\n?$"))).toEqual([1, 2, 3, 4, 5]);
    expect(await ids(Sample.text.regex("^ab"))).toEqual([4]);
    expect(await ids(Sample.text.regex("^\\u{1F600}$"))).toEqual([6]);
    expect(await ids(Sample.text.regex("\\uD83D\\uDE00"))).toEqual([2, 6, 7]);
    expect(await ids(Sample.text.regex("^[\\u{1F600}-\\u{1F64F}]$"))).toEqual([6]);
    expect(await ids(Sample.text.regex("^.{2}$"))).toEqual([7]);
  });

  it("regex: escaped text is always literal, whatever it means to a database's own syntax", async () => {
    const { Sample, texts } = await seed(["***=a", "a.b", "axb", "[[:alpha:]]", "a\\y", "(?x)", "b"]);
    expect(await texts(Sample.text.regex("^\\*\\*\\*=a"))).toEqual(["***=a"]);
    expect(await texts(Sample.text.regex("a\\.b"))).toEqual(["a.b"]);
    expect(await texts(Sample.text.regex("\\[\\[:alpha:\\]\\]"))).toEqual(["[[:alpha:]]"]);
    expect(await texts(Sample.text.regex("a\\\\y"))).toEqual(["a\\y"]);
    expect(await texts(Sample.text.regex("^\\(\\?x\\)$"))).toEqual(["(?x)"]);
  });

  it("regex: what some database reads differently is refused by name before any query runs", async () => {
    const { db, collection } = context();
    // No table is created: a query that ran would fail on the missing table instead.
    const Sample = defineSample(collection);
    const refused: [string, RegExp][] = [
      ["a\\b", /\\b at position 1: word boundaries/],
      ["\\Ba", /\\B at position 0: word boundaries/],
      ["[^]", /\[\^\] at position 0/],
      ["\\p{L}", /\\p\{L\} at position 0: Unicode property/],
      ["x[[:alpha:]]", /\[:alpha:\] at position 2: POSIX/],
      ["(a)\\1", /\\1 at position 3: backreferences/],
      ["(?=a)", /\(\?= at position 0: lookaround/],
      ["(?i)a", /\(\?i\) at position 0: inline flags/],
      ["(unclosed", /\( at position 0: this group is never closed/],
    ];
    for (const [pattern, because] of refused) {
      const error = await failure(db.find(Sample.text.regex(pattern)).all());
      expect(error, pattern).toBeInstanceOf(QueryError);
      expect(error.message, pattern).toMatch(/^Sample\.text\.regex\(\): ".*" is not in Ommi's regex dialect: /);
      expect(error.message, pattern).toMatch(because);
    }
  });

  it("ilike folds case the same way on every driver (Unicode simple case folding)", async () => {
    const { Sample, texts } = await seed(["k", "K", "\u212A", "s", "S", "ſ", "ß", "ẞ", "ss", "ς", "σ", "Σ", "ı", "I", "i", "İ", "𐐀", "𐐨"]);
    expect(await texts(Sample.text.ilike("k"))).toEqual(["K", "k", "\u212A"]);
    expect(await texts(Sample.text.ilike("s"))).toEqual(["S", "s", "ſ"]);
    expect(await texts(Sample.text.ilike("ß"))).toEqual(["ß", "ẞ"]);
    expect(await texts(Sample.text.ilike("σ"))).toEqual(["Σ", "ς", "σ"]);
    expect(await texts(Sample.text.ilike("i"))).toEqual(["I", "i"]);
    expect(await texts(Sample.text.ilike("𐐨"))).toEqual(["𐐀", "𐐨"]);
  });

  // The issue's cases: before, SQLite ran them on V8's backtracking RegExp, which took over 20 s
  // for the first and 129 s for the second (the event loop blocked all the while).
  it("answers regex((a+)+$) on 31 characters, correctly", async () => {
    const { Sample, ids } = await seed([`${"a".repeat(31)}!`, "a".repeat(31), `!${"a".repeat(31)}`]);
    expect(await ids(Sample.text.regex("(a+)+$"))).toEqual([2, 3]);
    expect(await ids(Sample.text.regex("^(a+)+$"))).toEqual([2]);
  }, PATHOLOGICAL_TIMEOUT);

  it("answers ilike(%a%a%a%a%b) on 400 characters, correctly", async () => {
    const { Sample, ids } = await seed(["a".repeat(400), `${"a".repeat(399)}B`, `${"A".repeat(200)}b${"a".repeat(199)}`]);
    expect(await ids(Sample.text.ilike("%a%a%a%a%b"))).toEqual([2]);
    expect(await ids(Sample.text.ilike("%a%a%a%a%b%"))).toEqual([2, 3]);
  }, PATHOLOGICAL_TIMEOUT);

  it("refuses a pattern larger than the bounds, saying the limit and its size", async () => {
    const { db, collection } = context();
    const Sample = defineSample(collection);
    const tooLong = "x".repeat(MAX_PATTERN_LENGTH + 1);
    const conditions: [Conditional, RegExp][] = [
      [Sample.text.contains(tooLong), /^Sample\.text\.contains\(\): the pattern is \d+ characters long, and at most \d+ are allowed/],
      [Sample.text.startsWith(tooLong), /^Sample\.text\.startsWith\(\)/],
      [Sample.text.endsWith(tooLong), /^Sample\.text\.endsWith\(\)/],
      [Sample.text.like(tooLong), /^Sample\.text\.like\(\)/],
      [Sample.text.ilike(tooLong), /^Sample\.text\.ilike\(\)/],
      [Sample.text.regex(tooLong), /^Sample\.text\.regex\(\): the pattern is/],
      [Sample.text.like(`%${"_".repeat(MAX_LIKE_WILDCARDS + 1)}`), /^Sample\.text\.like\(\): the pattern has \d+ _ wildcards, and at most \d+ are allowed/],
      [Sample.text.ilike("_".repeat(MAX_LIKE_WILDCARDS + 1)), /^Sample\.text\.ilike\(\): the pattern has/],
      [Sample.text.regex(`(?:a{${Math.min(255, MAX_REGEX_SIZE)}}){2}`), /^Sample\.text\.regex\(\): .* holds \d+ characters once its counted repetitions are written out/],
    ];
    for (const [condition, because] of conditions) {
      const error = await failure(db.find(condition).all());
      expect(error).toBeInstanceOf(QueryError);
      expect(error.message).toMatch(because);
      expect(error.message.length).toBeLessThan(500); // the pattern is quoted shortened, never whole
    }
    const message = (await failure(db.find(Sample.text.contains("y".repeat(40_000))).all())).message;
    expect(message).toContain(`40000 characters long, and at most ${MAX_PATTERN_LENGTH} are allowed`);
    // The longest allowed patterns run.
    await context().create();
    expect(await db.find(Sample.text.contains("x".repeat(MAX_PATTERN_LENGTH))).all()).toEqual({ ok: true, value: [] });
    expect(await db.find(Sample.text.regex(`a{${Math.min(255, MAX_REGEX_SIZE)}}`)).all()).toEqual({ ok: true, value: [] });
    expect(await db.find(Sample.text.ilike(`%${"\\_".repeat(MAX_PATTERN_LENGTH / 2 - 1)}_`)).all()).toEqual({ ok: true, value: [] });
  });
});
