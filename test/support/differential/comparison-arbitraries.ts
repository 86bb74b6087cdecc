import fc from "fast-check";
import type { ComparisonOperator } from "ommi/driver";
import type { Comparison, LongList } from "./description.js";
import { MAX_LIKE_WILDCARDS } from "./dialect.js";
import { hostilePattern } from "./hostile-patterns.js";
import type { FieldType } from "./models.js";
import { dialectPattern } from "./regex-arbitrary.js";
import { character, hostileText, storedText, text, writtenValueOf, wrongValueOf } from "./values.js";

/** Comparisons of a scalar (a field, a nested key, an item, a length) with values like its stored ones, and text patterns. */

export const COMPARING: readonly ComparisonOperator[] = ["eq", "ne", "gt", "gte", "lt", "lte"];
export const TEXT_MATCHING: readonly ComparisonOperator[] = ["contains", "startsWith", "endsWith", "like", "ilike", "regex"];

/** A piece of a stored text (whole, a prefix, a suffix, a middle, or nothing): text operators then match often. */
export const storedPiece = fc.tuple(storedText, fc.nat(), fc.nat()).map(([stored, from, length]) => {
  const letters = [...stored];
  const start = from % (letters.length + 1);
  return letters.slice(start, start + (length % (letters.length - start + 1))).join("");
});

/** A stored text, each character kept (escaped as `escape` says) or replaced by one of `wildcards`. */
function storedPattern(escape: (letter: string) => string, wildcards: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(storedPiece, fc.array(fc.constantFrom("keep", "keep", "keep", ...wildcards), { minLength: 8, maxLength: 8 }))
    .map(([stored, choices]) => [...stored].map((letter, index) => {
      const choice = choices[index % choices.length] as string;
      return choice === "keep" ? escape(letter) : choice;
    }).join(""));
}

const escapeLike = (letter: string) => letter.replace(/[\\%_]/g, "\\$&");

/** LIKE patterns: raw text (so `\`, `%` and `_` appear in every position), a stored text with wildcards, or many `%` (the case that was exponential). */
export const likePattern = fc.oneof(
  fc.string({ unit: character, maxLength: 5 }),
  { arbitrary: fc
    .tuple(fc.boolean(), storedPattern(escapeLike, ["_", "%"]), fc.boolean())
    .map(([anyBefore, body, anyAfter]) => `${anyBefore ? "%" : ""}${body}${anyAfter ? "%" : ""}`), weight: 3 },
  fc.tuple(fc.constantFrom("a", "b", "A", "😀", "_"), fc.integer({ min: 2, max: 8 }), fc.constantFrom("b", "x", "")).map(([letter, times, last]) => `%${letter}`.repeat(times) + `%${last}`),
  // Around the bound on `_` wildcards.
  fc.tuple(fc.constantFrom(MAX_LIKE_WILDCARDS - 1, MAX_LIKE_WILDCARDS, MAX_LIKE_WILDCARDS + 1), fc.constantFrom("", "%", "a%")).map(([times, around]) => around + "_".repeat(times) + around),
);

export function textValue(operator: ComparisonOperator): fc.Arbitrary<unknown> {
  if (operator === "like" || operator === "ilike") return fc.oneof({ arbitrary: likePattern, weight: 12 }, hostileText);
  if (operator === "regex") return fc.oneof({ arbitrary: dialectPattern, weight: 24 }, { arbitrary: hostilePattern, weight: 2 }, hostileText);
  return fc.oneof({ arbitrary: storedPiece, weight: 6 }, { arbitrary: fc.string({ unit: character, maxLength: 3 }), weight: 2 }, hostileText, text);
}

/** An `in` list: short, or long (hundreds to tens of thousands of values: lists bind as one parameter). */
export function listOf(values: fc.Arbitrary<unknown>): fc.Arbitrary<readonly unknown[] | LongList> {
  return fc.oneof(
    { arbitrary: fc.array(values, { maxLength: 4 }), weight: 30 },
    fc.record({ kind: fc.constant("longList" as const), given: fc.array(values, { maxLength: 3 }), filler: fc.constantFrom(100, 1_000, 40_000) }),
  );
}


/**
 * Comparisons of a scalar of `type`, made by `make`: ordering and equality, `in` lists, the null
 * tests, and (for strings) text matching; values are mostly `own` (drawn like the stored ones,
 * so that they often match), sometimes any value of the type, or one of the wrong type.
 */
export function scalarComparisons(make: (operator: ComparisonOperator, value?: unknown) => Comparison, type: FieldType, own: fc.Arbitrary<unknown>, options: { readonly text?: boolean } = {}): fc.Arbitrary<Comparison> {
  const values = fc.oneof({ arbitrary: own, weight: 30 }, { arbitrary: writtenValueOf[type], weight: 5 }, wrongValueOf[type]);
  const choices: fc.Arbitrary<Comparison>[] = [
    fc.tuple(fc.constantFrom(...COMPARING), values).map(([operator, value]) => make(operator, value)),
    fc.tuple(fc.constantFrom<ComparisonOperator>("in", "notIn"), listOf(values)).map(([operator, list]) => make(operator, list)),
    fc.constantFrom<ComparisonOperator>("isNull", "isNotNull").map((operator) => make(operator)),
    fc.constantFrom<ComparisonOperator>("eq", "ne").map((operator) => make(operator, null)),
  ];
  if (type !== "string" || options.text === false) return fc.oneof(...choices);
  const textMatching = fc.constantFrom(...TEXT_MATCHING).chain((operator) => textValue(operator).map((value) => make(operator, value)));
  return fc.oneof(...choices, { arbitrary: textMatching, weight: 4 });
}
