import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Automaton, automatonFor, likeToRegex, parseLike, parseRegex, toJavaScriptRegex } from "../../src/query/text/index.js";

/**
 * The linear-time automaton (what SQLite runs) against V8's RegExp run on the JavaScript source
 * written from the same tree: on short texts, where backtracking costs nothing, both must say the
 * same for every pattern of the dialect. PostgreSQL is held to the same answers by the
 * conformance tests.
 */

const ALPHABET = ["a", "b", "A", "B", "0", "7", "_", " ", "\n", "\t", "é", "É", "😀", "中", "-", ".", "*", "\\", "]", "[", "^", "$", "k", "K", "\u212A", "s", "ſ", "σ", "ς", "Σ", "ß", "ẞ", "\u00a0"];
const META = new Set("\\^$.|?*+()[]{}");
const IN_CLASS = new Set("\\]^-[");

const character = fc.constantFrom(...ALPHABET);
const text = fc.string({ unit: character, maxLength: 10 });

const literal = character.map((c) => (META.has(c) ? `\\${c}` : c));
const escape = fc.constantFrom("\\d", "\\w", "\\s", "\\D", "\\W", "\\S", "\\t", "\\n", "\\u00e9", "\\u{1F600}", "\\x41", "\\-", "\\/");
const classMember = fc.oneof(
  character.map((c) => (IN_CLASS.has(c) ? `\\${c}` : c)),
  fc.constantFrom("a-z", "0-9", "A-Z", "\\d", "\\s", "\\W", "\\u{1F600}-\\u{1F64F}", "à-ÿ"),
);
const characterClass = fc
  .tuple(fc.boolean(), fc.array(classMember, { minLength: 1, maxLength: 3 }))
  .map(([negated, members]) => `[${negated ? "^" : ""}${members.join("")}]`)
  .filter((source) => source !== "[^\\s\\W\\S]" && !/^\[\^.*\\s.*\\S|^\[\^.*\\S.*\\s/.test(source) && !/^\[\^.*\\W.*\\w|^\[\^.*\\w.*\\W/.test(source));
const quantifier = fc.constantFrom("", "", "", "*", "+", "?", "{2}", "{1,}", "{0,2}", "{1,3}", "*?", "+?", "{0,1}?");

const { pattern } = fc.letrec<{ pattern: string; sequence: string; piece: string; atom: string }>((tie) => ({
  pattern: fc.array(tie("sequence"), { minLength: 1, maxLength: 3 }).map((sequences) => sequences.join("|")),
  sequence: fc.array(tie("piece"), { maxLength: 4 }).map((pieces) => pieces.join("")),
  piece: fc.oneof(
    { arbitrary: fc.tuple(tie("atom"), quantifier).map(([atom, count]) => atom + count), weight: 6 },
    { arbitrary: fc.constantFrom("^", "$"), weight: 1 },
  ),
  atom: fc.oneof(
    { arbitrary: literal, weight: 5 },
    { arbitrary: fc.constant("."), weight: 1 },
    { arbitrary: escape, weight: 2 },
    { arbitrary: characterClass, weight: 2 },
    { arbitrary: fc.tuple(fc.boolean(), tie("pattern")).map(([capturing, inner]) => (capturing ? `(${inner})` : `(?:${inner})`)), weight: 1, depthSize: "small" },
  ),
}));

describe("the automaton agrees with JavaScript's RegExp", () => {
  it("on every pattern of the dialect", () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), (source, texts) => {
        const node = parseRegex(source);
        const automaton = new Automaton(node);
        const reference = new RegExp(toJavaScriptRegex(node), "u");
        for (const value of texts) expect(automaton.test(value), `${JSON.stringify(source)} on ${JSON.stringify(value)}`).toBe(reference.test(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("on LIKE patterns, and with case ignored by the same folding as /…/iu", () => {
    const likeText = fc.string({ unit: fc.constantFrom(...ALPHABET, "%", "_", "%", "_"), maxLength: 6 });
    fc.assert(
      fc.property(likeText, fc.array(text, { minLength: 1, maxLength: 6 }), (like, texts) => {
        const node = likeToRegex(parseLike(like), false);
        const sensitive = new RegExp(toJavaScriptRegex(node), "u");
        const insensitive = new RegExp(toJavaScriptRegex(node), "iu");
        for (const value of texts) {
          expect(automatonFor("like", like).test(value), `like ${JSON.stringify(like)} on ${JSON.stringify(value)}`).toBe(sensitive.test(value));
          expect(automatonFor("ilike", like).test(value), `ilike ${JSON.stringify(like)} on ${JSON.stringify(value)}`).toBe(insensitive.test(value));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
