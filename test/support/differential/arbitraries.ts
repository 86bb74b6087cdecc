import fc from "fast-check";
import type { ComparisonOperator } from "ommi";
import type { Comparison, ConditionDescription, QueryDescription, SortDescription } from "./description.js";
import type { Dataset, ItemField, ItemRow, OwnerRow } from "./models.js";

/**
 * Characters that tell drivers apart: cases that fold in unusual ways (ß/ẞ, final sigma,
 * the Kelvin sign, Turkish dotted and dotless i), a combining accent, CJK, an emoji and a
 * character above the surrogates (they order differently in UTF-16 and by code point), the
 * LIKE and RegExp metacharacters, whitespace and a newline.
 */
const ALPHABET = [
  "a", "b", "A", "B", "e", "é", "É", "\u0301", "ß", "ẞ", "ς", "σ", "Σ", "k", "K", "\u212A", "i", "I", "İ", "ı",
  "中", "😀", "\uFF71", "%", "_", "\\", ".", "*", "[", "]", "(", ")", "|", "+", "?", "^", "$", " ", "\n", "'", '"',
];

/** Strings that the drivers must agree on, and that queries are likely to hit. */
const TEXTS = [
  "", "a", "A", "ab", "aB", "Ab", "b", "école", "ÉCOLE", "e\u0301cole", "Straße", "STRASSE", "STRAẞE", "σας", "ΣΑΣ", "ς",
  "k", "K", "\u212A", "i", "I", "İ", "ı", "中文", "😀", "😀x", "\uFF71", "a%b", "a_b", "a\\b", "a.b", "a\nb", "x y", "zz",
];

const character = fc.constantFrom(...ALPHABET);
/** A text as stored, or upper- or lower-cased, so that case-insensitive matching has work to do. */
const storedText = fc.tuple(fc.constantFrom(...TEXTS), fc.constantFrom("same", "same", "upper", "lower")).map(([stored, kase]) =>
  kase === "upper" ? stored.toUpperCase() : kase === "lower" ? stored.toLowerCase() : stored,
);
const text = fc.oneof({ arbitrary: storedText, weight: 4 }, fc.string({ unit: character, maxLength: 6 }));
const count = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER), fc.integer());
const score = fc.oneof(
  fc.constantFrom(0, -0, 0.5, -1.5, 0.1, 0.1 + 0.2, 1e-300, -1e300, 5e-324, 2 ** 53 + 2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const flag = fc.boolean();
/** PostgreSQL holds 4713 BC to 294276 AD; JavaScript's Date a little more either way. */
const at = fc.oneof(
  fc.constantFrom(new Date(0), new Date(-1), new Date(1_700_000_000_123), new Date(Date.UTC(-43, 2, 15, 12)), new Date(Date.UTC(12_000, 0, 1))),
  fc.date({ min: new Date(Date.UTC(-4000, 0, 1)), max: new Date(Date.UTC(200_000, 0, 1)), noInvalidDate: true }),
);
const big = fc.oneof(fc.bigInt({ min: -3n, max: 3n }), fc.constantFrom(2n ** 63n - 1n, -(2n ** 63n)), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 4 });

/** Owners with ids 1..n, then items with ids 1..m, each referring to an owner or to none. */
export const dataset: fc.Arbitrary<Dataset> = fc
  .tuple(
    fc.array(nullable(text), { maxLength: 4 }),
    fc.array(fc.tuple(nullable(text), nullable(count), nullable(score), nullable(flag), nullable(at), nullable(big), fc.nat(5)), { maxLength: 16 }),
  )
  .map(([labels, values]) => {
    const owners: OwnerRow[] = labels.map((label, index) => ({ id: index + 1, label }));
    const items: ItemRow[] = values.map(([name, count, score, flag, at, big, owner], index) => ({
      id: index + 1, name, count, score, flag, at, big, owner: owner >= 1 && owner <= owners.length ? owner : null,
    }));
    return { owners, items };
  });

const COMPARING: readonly ComparisonOperator[] = ["eq", "ne", "gt", "gte", "lt", "lte"];
const TEXT_MATCHING: readonly ComparisonOperator[] = ["contains", "startsWith", "endsWith", "like", "ilike", "regex"];

/** A piece of a stored text (whole, a prefix, a suffix, a middle, or nothing): text operators then match often. */
const storedPiece = fc.tuple(storedText, fc.nat(), fc.nat()).map(([stored, from, length]) => {
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
const escapeRegex = (letter: string) => letter.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");

/** LIKE patterns: raw text (so `\`, `%` and `_` appear in every position), or a stored text with some characters made wildcards. */
const likePattern = fc.oneof(
  fc.string({ unit: character, maxLength: 5 }),
  { arbitrary: fc
    .tuple(fc.boolean(), storedPattern(escapeLike, ["_", "%"]), fc.boolean())
    .map(([anyBefore, body, anyAfter]) => `${anyBefore ? "%" : ""}${body}${anyAfter ? "%" : ""}`), weight: 3 },
);

/** Regular expressions in the syntax JavaScript and PostgreSQL share: literals, `.`, plain brackets, quantifiers, anchors, one alternation. */
const regexAtom = fc.oneof(
  character.map(escapeRegex),
  fc.constant("."),
  fc.array(fc.constantFrom("a", "b", "A", "é", "ß", "中", "😀", " ", "\n"), { minLength: 1, maxLength: 3 }).map((members) => `[${members.join("")}]`),
);
const regexSequence = fc.oneof(
  fc.array(fc.tuple(regexAtom, fc.constantFrom("", "", "*", "+", "?")).map(([atom, quantifier]) => atom + quantifier), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")),
  storedPattern(escapeRegex, [".", ".*", ".+"]),
);
const regexPattern = fc
  .tuple(fc.boolean(), fc.oneof({ arbitrary: regexSequence, weight: 3 }, fc.tuple(regexSequence, regexSequence).map(([a, b]) => `(${a}|${b})`)), fc.boolean())
  .map(([start, body, end]) => `${start ? "^" : ""}${body}${end ? "$" : ""}`);

function textValue(operator: ComparisonOperator): fc.Arbitrary<string> {
  if (operator === "like" || operator === "ilike") return likePattern;
  if (operator === "regex") return regexPattern;
  return fc.oneof({ arbitrary: storedPiece, weight: 3 }, fc.string({ unit: character, maxLength: 3 }));
}

/** Comparisons on one field of values drawn like its stored ones, so that they often match. */
function comparisonsOn(model: "item" | "owner", field: ItemField | "label", values: fc.Arbitrary<unknown>, isText: boolean): fc.Arbitrary<Comparison> {
  const make = (operator: ComparisonOperator, value?: unknown) => ({ kind: "compare", model, field, operator, value }) as Comparison;
  const choices: fc.Arbitrary<Comparison>[] = [
    fc.tuple(fc.constantFrom(...COMPARING), values).map(([operator, value]) => make(operator, value)),
    fc.tuple(fc.constantFrom<ComparisonOperator>("in", "notIn"), fc.array(values, { maxLength: 3 })).map(([operator, list]) => make(operator, list)),
    fc.constantFrom<ComparisonOperator>("isNull", "isNotNull").map((operator) => make(operator)),
    fc.constantFrom<ComparisonOperator>("eq", "ne").map((operator) => make(operator, null)),
  ];
  const textMatching = fc.constantFrom(...TEXT_MATCHING).chain((operator) => textValue(operator).map((value) => make(operator, value)));
  return isText ? fc.oneof(...choices, { arbitrary: textMatching, weight: 4 }) : fc.oneof(...choices);
}

const comparison: fc.Arbitrary<Comparison> = fc.oneof(
  { arbitrary: comparisonsOn("item", "name", text, true), weight: 4 },
  comparisonsOn("item", "count", count, false),
  comparisonsOn("item", "score", score, false),
  comparisonsOn("item", "flag", flag, false),
  comparisonsOn("item", "at", at, false),
  comparisonsOn("item", "big", big, false),
  comparisonsOn("owner", "label", text, true),
);

const { condition } = fc.letrec<{ condition: ConditionDescription }>((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    comparison,
    fc.array(tie("condition"), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: "and", items }) as const),
    fc.array(tie("condition"), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: "or", items }) as const),
    tie("condition").map((item) => ({ kind: "not", item }) as const),
  ),
}));

const SORTABLE: readonly ItemField[] = ["name", "count", "score", "flag", "at", "big", "owner"];
const sortEntry: fc.Arbitrary<SortDescription> = fc.record({ field: fc.constantFrom(...SORTABLE), direction: fc.constantFrom("asc", "desc") });

export const query: fc.Arbitrary<QueryDescription> = fc.record({
  where: fc.option(condition, { nil: undefined, freq: 8 }),
  sort: fc.option(fc.array(sortEntry, { maxLength: 2 }), { nil: undefined, freq: 2 }),
  window: fc.option(fc.record({ limit: fc.nat(6), offset: fc.nat(4) }), { nil: undefined, freq: 2 }),
});
