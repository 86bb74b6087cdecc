import fc from "fast-check";
import { CLASSES, METACHARACTERS, SET_METACHARACTERS } from "./regex.js";
import { ALPHABET, storedText } from "./values.js";

/**
 * Patterns of Ommi's regex dialect, written the ways a user may write them: literal characters
 * (raw, escaped, or as `\uXXXX`), `.`, the class escapes, bracket expressions with ranges,
 * classes and negation, anchors anywhere, groups with alternation, and every quantifier. Half
 * are built from stored texts (each character kept or replaced by something that matches it),
 * so that they often match.
 */

const hex4 = (unit: number) => `\\u${unit.toString(16).toUpperCase().padStart(4, "0")}`;
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r" };
const isAsciiPunctuation = (character: string) => /^[!-/:-@[-`{-~]$/.test(character);

/**
 * One way of spelling a character: `\uXXXX` (a pair of them above U+FFFF), `\u{X}`, `\xHH`, a
 * control escape, escaped ASCII punctuation, or the character itself (escaped where it must be).
 */
function spell(character: string, form: number, mustEscape: string): string {
  const codePoint = character.codePointAt(0) as number;
  switch (form) {
    case 0:
      return codePoint > 0xffff ? [...character.split("")].map((unit) => hex4(unit.charCodeAt(0))).join("") : hex4(codePoint);
    case 1:
      return `\\u{${codePoint.toString(16)}}`;
    case 2:
      if (codePoint < 0x100) return `\\x${codePoint.toString(16).padStart(2, "0")}`;
      break;
    case 3:
      if (CONTROL_ESCAPES[character]) return CONTROL_ESCAPES[character];
      if (isAsciiPunctuation(character)) return `\\${character}`;
      break;
  }
  return mustEscape.includes(character) ? `\\${character}` : character;
}

/** Forms 0–3 are escapes of some kind; 4–9 the character itself, so that plain text stays common. */
const form = fc.nat(9);
const literal = (character: string, how: number) => spell(character, how, METACHARACTERS);
const setLiteral = (character: string, how: number) => spell(character, how, SET_METACHARACTERS);

const CLASS_ESCAPES = ["\\d", "\\w", "\\s", "\\D", "\\W", "\\S"];
/** Ranges across case, scripts, the surrogates and the end of the code space. */
const RANGES = [
  "a-z", "A-Z", "0-9", "a-c", "α-ω", "\\u0000-\\u001F", "\\x00-\\x1f", "é-ë", "😀-😂", "\\uD83D\\uDE00-\\u{1F602}", "\\uFF00-\\uFFFF",
  "\u{10000}-\u{10FFFF}", "\\--/", "\\]-_", "\\t-\\r", "!-/",
];

const character = fc.constantFrom(...ALPHABET);

const setMember = fc.oneof(
  { arbitrary: fc.tuple(character, form).map(([letter, how]) => setLiteral(letter, how)), weight: 3 },
  fc.constantFrom(...RANGES),
  fc.constantFrom(...CLASS_ESCAPES),
);
/** Brackets, maybe negated, maybe with a literal `-` last (where it needs no escape). */
const bracket = fc
  .tuple(fc.boolean(), fc.array(setMember, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "", "", "-"))
  .map(([negated, members, dash]) => `[${negated ? "^" : ""}${members.join("")}${dash}]`);

/** Every quantifier, sometimes lazy (`*?`: the same yes or no as greedy), counts up to the dialect's limit. */
const quantifier = fc.oneof(
  { arbitrary: fc.constant(""), weight: 6 },
  { arbitrary: fc.tuple(fc.constantFrom("*", "+", "?"), fc.constantFrom("", "", "", "?")).map(([repeat, lazy]) => repeat + lazy), weight: 3 },
  fc.tuple(fc.oneof({ arbitrary: fc.nat(3), weight: 12 }, fc.constant(255)), fc.nat(2), fc.constantFrom("exact", "atLeast", "between"), fc.constantFrom("", "", "?")).map(([min, more, kind, lazy]) =>
    (kind === "exact" ? `{${min}}` : kind === "atLeast" ? `{${min},}` : `{${Math.min(min, 253)},${Math.min(min, 253) + more}}`) + lazy,
  ),
);

const { pattern: randomPattern } = fc.letrec<{ pattern: string; sequence: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: fc.tuple(character, form).map(([letter, how]) => literal(letter, how)), weight: 4 },
    fc.constant("."),
    fc.constantFrom(...CLASS_ESCAPES),
    bracket,
    fc.tuple(tie("pattern"), fc.boolean()).map(([inner, capturing]) => (capturing ? `(${inner})` : `(?:${inner})`)),
  ),
  sequence: fc
    .array(fc.oneof({ arbitrary: fc.tuple(tie("atom"), quantifier).map(([atom, repeat]) => atom + repeat), weight: 8 }, fc.constantFrom("^", "$")), { maxLength: 4 })
    .map((parts) => parts.join("")),
  pattern: fc.array(tie("sequence"), { minLength: 1, maxLength: 3 }).map((alternatives) => alternatives.join("|")),
}));

/** Something that matches `letter`: itself, `.`, a class or a bracket holding it; then maybe repeated. */
function matchingPiece(letter: string, choice: number, how: number): string {
  const code = letter.codePointAt(0) as number;
  const classes = (["d", "w", "s"] as const).filter((name) => CLASSES[name](code)).map((name) => `\\${name}`);
  const complements = (["d", "w", "s"] as const).filter((name) => !CLASSES[name](code)).map((name) => `\\${name.toUpperCase()}`);
  const options = [literal(letter, how), ".", ...classes, ...complements, `[${setLiteral(letter, how)}x]`, `[^${letter === "x" ? "y" : "x"}]`];
  const piece = options[choice % options.length] as string;
  return piece + (["", "", "", "+", "*", "?", "{1,2}"][how % 7] as string);
}

const storedPattern = fc
  .tuple(storedText, fc.nat(), fc.nat(), fc.array(fc.tuple(fc.nat(9), form), { minLength: 8, maxLength: 8 }), fc.boolean(), fc.boolean())
  .map(([stored, from, length, choices, start, end]) => {
    const letters = [...stored];
    const first = from % (letters.length + 1);
    const piece = letters.slice(first, first + (length % (letters.length - first + 1)));
    const body = piece.map((letter, index) => {
      const [choice, how] = choices[index % choices.length] as [number, number];
      return choice < 4 ? literal(letter, how) : matchingPiece(letter, choice, how);
    });
    return `${start ? "^" : ""}${body.join("")}${end ? "$" : ""}`;
  });

/** A pattern of the dialect. */
export const dialectPattern: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: storedPattern, weight: 2 },
  { arbitrary: randomPattern, weight: 2 },
  fc.tuple(storedPattern, randomPattern).map(([stored, random]) => `(${stored})|${random}`),
);
