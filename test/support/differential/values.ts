import fc from "fast-check";
import type { FieldType, Value } from "./models.js";

/**
 * Characters that tell drivers apart: cases that fold in unusual ways (ß/ẞ, final sigma, the
 * Kelvin sign, Turkish dotted and dotless i, a Deseret letter and its lower case above U+FFFF),
 * a combining accent, CJK, characters above the surrogates and at the ends of the code space
 * (they order differently in UTF-16 and by code point), digits and spaces outside ASCII (which
 * `\d`, `\w` and `\s` may or may not include), control characters, the LIKE and RegExp
 * metacharacters, whitespace and line breaks.
 */
export const ALPHABET = [
  "a", "b", "A", "B", "e", "é", "É", "\u0301", "ß", "ẞ", "ς", "σ", "Σ", "k", "K", "\u212A", "i", "I", "İ", "ı",
  "中", "😀", "\uFF71", "%", "_", "\\", ".", "*", "[", "]", "(", ")", "|", "+", "?", "^", "$", " ", "\n", "'", '"',
  "0", "7", "\u0663", "\uFF15", "-", "{", "}", ",", "/", "\t", "\r", "\u0001", "\u001F", "\u007F", "\u0085", "\u00A0",
  "\u2028", "\u3000", "\uFEFF", "\uFFFD", "\uFFFF", "\u{1D538}", "\u{10400}", "\u{10428}", "\u{10FFFF}",
];

/** Strings that the drivers must agree on, and that queries are likely to hit. */
export const TEXTS = [
  "", "a", "A", "ab", "aB", "Ab", "b", "école", "ÉCOLE", "e\u0301cole", "Straße", "STRASSE", "STRAẞE", "σας", "ΣΑΣ", "ς",
  "k", "K", "\u212A", "i", "I", "İ", "ı", "中文", "😀", "😀x", "\uFF71", "a%b", "a_b", "a\\b", "a.b", "a\nb", "x y", "zz",
  "a1", "a_1", "12", "\u0663\u0664", "\uFF15", "a\tb", "a\u00A0b", "\u3000", "\u0001x", "x\u007F", "\u{10400}\u{10428}",
  "\u{1D538}", "\u{10FFFF}", "\uFFFF", "line\r\nbreak", "a-b", "{1}", "a b_c-d",
];

/** Values no well-formed text may hold, and values only some databases can store (U+0000). */
export const LONE_SURROGATES = ["x\uD800y", "\uDC00", "a\uDBFFb😀", "\uD83D"];
export const WITH_NUL = ["\u0000", "a\u0000b", "admin\u0000xyz", "a\u0000", "\u0000zzz"];

export const character = fc.constantFrom(...ALPHABET);

/** A text as stored, or upper- or lower-cased, so that case-insensitive matching has work to do. */
export const storedText = fc.tuple(fc.constantFrom(...TEXTS), fc.constantFrom("same", "same", "upper", "lower")).map(([stored, kase]) =>
  kase === "upper" ? stored.toUpperCase() : kase === "lower" ? stored.toLowerCase() : stored,
);

/** A long text: a stored one repeated, so that queries built from stored texts still match it. */
export const longText = fc
  .tuple(fc.constantFrom(...TEXTS.filter((stored) => stored.length > 0)), fc.constantFrom(300, 300, 2_000, 2_000, 70_000), fc.constantFrom("", "a", "😀", "\n"))
  .map(([stored, length, end]) => stored.repeat(Math.ceil(length / stored.length)).slice(0, length).replace(/[\uD800-\uDBFF]$/, "") + end);

/** Any text every database stores exactly. */
export const text = fc.oneof(
  { arbitrary: storedText, weight: 36 },
  { arbitrary: fc.string({ unit: character, maxLength: 6 }), weight: 12 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }), weight: 3 },
  { arbitrary: longText, weight: 1 },
);

/** Text no database may store or compare (a lone surrogate), or only some may (U+0000). */
export const hostileText = fc.oneof(
  fc.constantFrom(...LONE_SURROGATES),
  fc.constantFrom(...WITH_NUL),
  fc.tuple(storedText, fc.constantFrom(...WITH_NUL, ...LONE_SURROGATES)).map(([stored, hostile]) => stored + hostile),
);

/** Mostly ordinary text, sometimes a hostile one: for values in writes and queries. */
export const textOrHostile = fc.oneof({ arbitrary: text, weight: 12 }, { arbitrary: hostileText, weight: 1 });

const integer = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER), fc.integer());
const float = fc.oneof(
  fc.constantFrom(0, -0, 0.5, -1.5, 0.1, 0.1 + 0.2, 1e-300, -1e300, 5e-324, 2 ** 53 + 2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
/**
 * PostgreSQL holds 4713 BC to 294276 AD; JavaScript's Date a little more either way. MySQL's
 * DATETIME holds the years 1000 to 9999: dates there, and at its ends on both sides, too.
 */
const date = fc.oneof(
  fc.constantFrom(new Date(0), new Date(-1), new Date(1_700_000_000_123), new Date(Date.UTC(-43, 2, 15, 12)), new Date(Date.UTC(12_000, 0, 1))),
  fc.constantFrom(
    new Date(Date.UTC(1000, 0, 1)), new Date(Date.UTC(1000, 0, 1) - 1), new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)), new Date(Date.UTC(10_000, 0, 1)),
  ),
  fc.date({ min: new Date(Date.UTC(-4000, 0, 1)), max: new Date(Date.UTC(200_000, 0, 1)), noInvalidDate: true }),
  fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)), noInvalidDate: true }),
);
const bigint = fc.oneof(fc.bigInt({ min: -3n, max: 3n }), fc.constantFrom(2n ** 63n - 1n, -(2n ** 63n)), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));

/** Values of each type, drawn so that equal values are common. */
export const valueOf: Readonly<Record<FieldType, fc.Arbitrary<Value>>> = {
  string: text,
  integer,
  float,
  boolean: fc.boolean(),
  date,
  bigint,
};

/** Values to write or compare with: as `valueOf`, but text is sometimes hostile. */
export const writtenValueOf: Readonly<Record<FieldType, fc.Arbitrary<Value>>> = { ...valueOf, string: textOrHostile };

/** A value of the wrong type for a field, which validation (or the query builder) must refuse. */
export const wrongValueOf: Readonly<Record<FieldType, fc.Arbitrary<unknown>>> = {
  string: fc.constantFrom(1, true),
  integer: fc.constantFrom(1.5, "1", Number.NaN, 2 ** 60),
  float: fc.constantFrom("1", Number.POSITIVE_INFINITY, Number.NaN),
  boolean: fc.constantFrom(0, "true"),
  date: fc.constantFrom(new Date(Number.NaN), "2020-01-01", 0),
  bigint: fc.constantFrom(1.5, "1"),
};

export const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 4 });
export const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

// ---------------------------------------------------------------------------------------------
// Structured values (Doc's fields): drawn from few texts and numbers, so that equal items,
// duplicates in arrays and equal whole values are common.

/** Short texts, Unicode included (a combining mark, an astral character, the Kelvin sign). */
export const word = fc.oneof(
  { arbitrary: fc.constantFrom("a", "b", "A", "", "é", "e\u0301", "😀", "a b", "中文", "\u212A", "k", "ab"), weight: 6 },
  { arbitrary: storedText, weight: 2 },
  fc.string({ unit: character, maxLength: 3 }),
);

/** Words of arrays: mostly from a handful, so that `has` and `hasAll` find them and arrays hold duplicates. */
export const item = fc.oneof({ arbitrary: fc.constantFrom("a", "b", "A", "é", "😀"), weight: 8 }, word);

/** A word, or now and then a text no database may hold (a lone surrogate) or only some can (U+0000). */
export const wordOrHostile = fc.oneof({ arbitrary: word, weight: 10 }, hostileText);

export const smallInteger = fc.oneof({ arbitrary: fc.integer({ min: -3, max: 3 }), weight: 4 }, integer);
/** Floats with both zeros often: -0 must come back -0, and compare equal to 0. */
export const nestedFloat = fc.oneof({ arbitrary: fc.constantFrom(0, -0, 0.5, -1.5, 1e-300, 2 ** 53 + 2), weight: 3 }, float);

/** Keys of records and JSON objects: integer-like ones too (JavaScript puts them first). */
export const jsonKey = fc.oneof({ arbitrary: fc.constantFrom("a", "b", "k", "1", "0", "é", "😀", "", "two words"), weight: 4 }, fc.string({ unit: character, maxLength: 3 }));

const jsonLeaf = fc.oneof(fc.constant(null), fc.boolean(), nestedFloat, smallInteger, word);

/** Any JSON value, up to three levels deep. */
export const jsonValue: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    { arbitrary: jsonLeaf, weight: 3 },
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(jsonKey, tie("value"), { maxKeys: 3 }),
  ),
})).value;

export const geoValue = fc.record({ label: word, lng: nestedFloat });

/** Doc.address: every scalar type, optional and nullable keys, a nullable object inside. */
export const addressValue = fc.record(
  {
    city: word,
    zip: nullable(word),
    floor: smallInteger,
    lat: nullable(nestedFloat),
    since: date,
    code: nullable(bigint),
    verified: fc.boolean(),
    geo: nullable(geoValue),
  },
  { requiredKeys: ["city", "zip", "lat", "code", "geo"] },
);

export const tagsValue = fc.array(item, { maxLength: 5 });
export const scoresValue = fc.array(smallInteger, { maxLength: 5 });
export const lineValue = fc.record(
  { sku: item, qty: smallInteger, price: nullable(nestedFloat), marks: fc.array(item, { maxLength: 3 }) },
  { requiredKeys: ["sku", "qty", "price"] },
);
export const linesValue = fc.array(lineValue, { maxLength: 4 });
export const labelsValue = fc.dictionary(jsonKey, word, { maxKeys: 4 });
