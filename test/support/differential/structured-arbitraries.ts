import fc from "fast-check";
import type { ComparisonOperator } from "ommi/driver";
import { COMPARING, scalarComparisons } from "./comparison-arbitraries.js";
import type { Comparison, ConditionDescription, Pick, SomeCondition, SortDescription, Target } from "./description.js";
import type { FieldType, Value } from "./models.js";
import {
  addressValue, geoValue, hostileText, jsonKey, jsonValue, labelsValue, lineValue, linesValue, nestedFloat, nullable, scoresValue, smallInteger,
  tagsValue, valueOf, word, wordOrHostile, item,
} from "./values.js";

/**
 * Conditions, sorts and values for Doc's structured fields: comparisons of nested scalars (every
 * operator of their type), the array operators with empty lists and duplicates, lengths,
 * `some(...)` with conditions on the item (and an array inside it), whole-value `eq`/`ne` with
 * values taken from the dataset (as stored, with zeros of the other sign, bigints as numbers, or
 * keys in another order), the null tests at every depth; and, now and then, misuse every driver
 * must refuse with a QueryError (an ordering of an object, `has` on a string, a text operator on
 * a number, a wrong value at a path, `some` on an object, the length of a string, a sort by an
 * array).
 */

type Make = (operator: ComparisonOperator, value?: unknown) => Comparison;

const maker = (target: Target, length?: true): Make => (operator, value) => ({
  kind: "compare",
  ...target,
  ...(length ? { length } : {}),
  operator,
  ...(value === undefined ? {} : { value }),
});

const doc = (field: string, path?: readonly string[]): Target => ({ model: "Doc", field, ...(path && path.length ? { path } : {}) });
const element = (field: string, path: readonly string[] = []): Target => ({ model: "Doc", field, element: true, ...(path.length ? { path } : {}) });

/** A value from the dataset (see Pick), or `fallback` where it has none. */
function pick(fallback: fc.Arbitrary<unknown>, options: { readonly item?: boolean; readonly variants?: readonly Pick["variant"][] } = {}): fc.Arbitrary<Pick> {
  const variants = options.variants ?? ["same", "same", "flipZeros", "bigintsAsNumbers", "reversedKeys"];
  return fc.record({
    kind: fc.constant("pick" as const),
    at: fc.nat(60),
    ...(options.item ? { item: fc.nat(6) } : {}),
    variant: fc.constantFrom(...variants),
    fallback,
  });
}

/** Nested scalars of Doc.address: a path, its type and values like the stored ones. */
const ADDRESS_SCALARS: readonly (readonly [readonly string[], FieldType, fc.Arbitrary<unknown>])[] = [
  [["city"], "string", word],
  [["zip"], "string", word],
  [["floor"], "integer", smallInteger],
  [["lat"], "float", nestedFloat],
  [["since"], "date", valueOf.date],
  [["code"], "bigint", fc.oneof(valueOf.bigint, fc.integer({ min: -3, max: 3 }))],
  [["verified"], "boolean", fc.boolean()],
  [["geo", "label"], "string", word],
  [["geo", "lng"], "float", nestedFloat],
];

/** Wrong values for whole-value comparisons: not of the type at all, or with a wrong part inside. */
const wrongWhole = fc.constantFrom<unknown>("a", 1, new Date(0), [1], { a: Number.NaN }, { city: 1 }, new Map());

/** The whole value of a field or a nested object: `eq`/`ne` with one from the dataset or a new one, and the null tests. */
function wholeValue(target: Target, fresh: fc.Arbitrary<unknown>, variants?: readonly Pick["variant"][]): fc.Arbitrary<Comparison> {
  const make = maker(target);
  const value = fc.oneof({ arbitrary: pick(fresh, variants ? { variants } : {}), weight: 12 }, { arbitrary: fresh, weight: 6 }, wrongWhole);
  return fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom<ComparisonOperator>("eq", "ne"), value).map(([operator, given]) => make(operator, given)), weight: 4 },
    fc.constantFrom<ComparisonOperator>("isNull", "isNotNull").map((operator) => make(operator)),
    fc.constantFrom<ComparisonOperator>("eq", "ne").map((operator) => make(operator, null)),
  );
}

/**
 * The array operators on an array of `item`s: `has`, `hasAny` and `hasAll` (empty lists often),
 * `isEmpty`, comparisons of its length, and its whole value.
 */
function arrayOperators(target: Target, item: fc.Arbitrary<unknown>, wrongItem: fc.Arbitrary<unknown>, whole: fc.Arbitrary<unknown>, itemPick = false): fc.Arbitrary<Comparison> {
  const make = maker(target);
  const items = fc.oneof({ arbitrary: item, weight: 12 }, wrongItem);
  const has = itemPick && !target.element ? fc.oneof({ arbitrary: pick(item, { item: true, variants: ["same", "flipZeros", "reversedKeys"] }), weight: 3 }, items) : items;
  const length = maker(target, true);
  return fc.oneof(
    { arbitrary: has.map((value) => make("has", value)), weight: 4 },
    { arbitrary: fc.tuple(fc.constantFrom<ComparisonOperator>("hasAny", "hasAll"), fc.array(items, { maxLength: 3 })).map(([operator, list]) => make(operator, list)), weight: 4 },
    fc.constant(make("isEmpty")),
    { arbitrary: scalarComparisons(length, "integer", fc.integer({ min: 0, max: 5 })), weight: 2 },
    target.element ? fc.constantFrom<ComparisonOperator>("isNull", "isNotNull").map((operator) => make(operator)) : wholeValue(target, whole, ["same", "flipZeros", "reversedKeys"]),
  );
}

/** Conditions on the item of a `some(...)`, combined with and, or and not. */
function itemCondition(comparison: fc.Arbitrary<ConditionDescription>): fc.Arbitrary<ConditionDescription> {
  const { condition } = fc.letrec<{ condition: ConditionDescription }>((tie) => ({
    condition: fc.oneof(
      { depthSize: "small", maxDepth: 2 },
      { arbitrary: comparison, weight: 4 },
      fc.array(tie("condition"), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: "and", items }) as const),
      fc.array(tie("condition"), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: "or", items }) as const),
      tie("condition").map((item) => ({ kind: "not", item }) as const),
    ),
  }));
  return condition;
}

const some = (target: Target, where: fc.Arbitrary<ConditionDescription>): fc.Arbitrary<SomeCondition> => where.map((condition) => ({ kind: "some", ...target, where: condition }));

/** Conditions on an item of Doc.lines: its keys, and its own array `marks` (with a `some` of its own). */
const lineItem: fc.Arbitrary<ConditionDescription> = itemCondition(
  fc.oneof(
    scalarComparisons(maker(element("lines", ["sku"])), "string", item),
    scalarComparisons(maker(element("lines", ["qty"])), "integer", smallInteger),
    scalarComparisons(maker(element("lines", ["price"])), "float", nestedFloat),
    arrayOperators(element("lines", ["marks"]), item, hostileText, fc.constant([])),
    some(element("lines", ["marks"]), itemCondition(scalarComparisons(maker(element("lines")), "string", item))),
    // The whole item, as `has` compares it.
    wholeValue(element("lines"), lineValue),
  ),
);

/** Misuse: operators that do not apply to what the path reaches. */
const misuse: fc.Arbitrary<ConditionDescription> = fc.oneof(
  fc.tuple(fc.constantFrom<ComparisonOperator>(...COMPARING.filter((operator) => operator !== "eq" && operator !== "ne")), addressValue).map(([operator, value]) => maker(doc("address"))(operator, value)),
  fc.constant(maker(doc("address", ["city"]))("has", "a")),
  fc.constant(maker(doc("address", ["floor"]))("contains", "1")),
  fc.constant(maker(doc("tags"))("contains", "a")),
  fc.constant(maker(doc("tags"))("in", [["a"]])),
  fc.constant(maker(doc("labels"))("isEmpty")),
  fc.constant(maker(doc("meta"))("has", 1)),
  fc.constant(maker(doc("meta"))("startsWith", "a")),
  fc.constant(maker(doc("address", ["geo"]))("lt", { label: "a", lng: 1 })),
  fc.constant(maker(doc("address", ["city"]), true)("gt", 1)),
  fc.constant(maker(doc("labels"), true)("eq", 0)),
  fc.constant(maker(doc("meta"), true)("isNull")),
  fc.constant(maker(doc("address", ["city"]))("eq", new Date(0))),
  fc.constant(maker(doc("lines"))("has", { sku: "a" })),
  fc.constant<ConditionDescription>({ kind: "some", ...doc("address"), where: maker(element("address", ["city"]))("eq", "a") }),
);

/** A comparison or `some` on one of Doc's structured fields. */
export const docCondition: fc.Arbitrary<ConditionDescription> = fc.oneof(
  { arbitrary: fc.constantFrom(...ADDRESS_SCALARS).chain(([path, type, own]) => scalarComparisons(maker(doc("address", path)), type, own)), weight: 10 },
  { arbitrary: wholeValue(doc("address"), addressValue), weight: 2 },
  wholeValue(doc("address", ["geo"]), geoValue),
  { arbitrary: arrayOperators(doc("tags"), item, fc.oneof(hostileText, fc.constant(1)), fc.array(fc.oneof({ arbitrary: item, weight: 10 }, wordOrHostile), { maxLength: 3 })), weight: 4 },
  { arbitrary: arrayOperators(doc("scores"), fc.oneof(smallInteger, fc.constant(-0)), fc.constantFrom(1.5, "1", 2n), scoresValue), weight: 2 },
  { arbitrary: arrayOperators(doc("lines"), lineValue, fc.constantFrom({ sku: "a" }, { sku: "a", qty: 1.5, price: null }, "a"), linesValue, true), weight: 2 },
  { arbitrary: some(doc("tags"), itemCondition(scalarComparisons(maker(element("tags")), "string", item))), weight: 2 },
  some(doc("scores"), itemCondition(scalarComparisons(maker(element("scores")), "integer", smallInteger))),
  { arbitrary: some(doc("lines"), lineItem), weight: 4 },
  { arbitrary: wholeValue(doc("labels"), labelsValue, ["same", "same", "reversedKeys"]), weight: 2 },
  { arbitrary: wholeValue(doc("meta"), jsonValue, ["same", "same", "flipZeros", "reversedKeys"]), weight: 2 },
  misuse,
);

/** Sorts of Doc: by a key, by a nested scalar, by the length of an array, and (refused) by a structured value. */
type SortTarget = Omit<SortDescription, "direction">;

export const docSort: fc.Arbitrary<SortDescription> = fc.tuple(
  fc.oneof(
    { arbitrary: fc.constantFrom<SortTarget>({ field: "id" }, { field: "owner" }), weight: 6 },
    { arbitrary: fc.constantFrom(...ADDRESS_SCALARS).map(([path]): SortTarget => ({ field: "address", path })), weight: 24 },
    { arbitrary: fc.constantFrom<SortTarget>({ field: "tags", length: true }, { field: "lines", length: true }, { field: "scores", length: true }), weight: 6 },
    fc.constantFrom<SortTarget>({ field: "address" }, { field: "tags" }, { field: "meta" }, { field: "address", path: ["geo"] }),
  ),
  fc.constantFrom("asc" as const, "desc" as const),
).map(([entry, direction]) => ({ ...entry, direction }));

// ---------------------------------------------------------------------------------------------
// Values to write

/** Values of Doc's structured fields, as the dataset and writes hold them. */
export const structuredValueOf: Readonly<Record<string, fc.Arbitrary<Value>>> = {
  address: addressValue,
  tags: nullable(tagsValue),
  scores: scoresValue,
  lines: linesValue,
  labels: labelsValue,
  meta: jsonValue,
};

const reordered = (value: Readonly<Record<string, unknown>>) => ({ extra: "dropped", ...Object.fromEntries(Object.entries(value).reverse()) });

/**
 * Wrong (or unusual) values of Doc's structured fields: a wrong type at some depth, a required
 * key missing, text no database may hold (a lone surrogate) or only some can (U+0000) in a
 * value or a key, JSON that is not JSON; and keys out of order with one the schema does not
 * declare, which Zod puts in order and drops (the reference decides which are refused).
 */
export const wrongStructuredOf: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  address: fc.oneof(
    addressValue.map((value) => ({ ...value, city: 5 })),
    addressValue.map((value) => ({ ...value, floor: 1.5 })),
    addressValue.map((value) => ({ ...value, since: "2020-01-01" })),
    addressValue.map((value) => ({ ...value, code: 1 })),
    addressValue.map((value) => ({ ...value, geo: { label: "x" } })),
    fc.tuple(addressValue, hostileText).map(([value, city]) => ({ ...value, city })),
    fc.tuple(addressValue, hostileText).map(([value, label]) => ({ ...value, geo: { label, lng: 0 } })),
    addressValue.map(reordered),
    fc.constantFrom("Paris", [], new Date(0)),
  ),
  tags: fc.oneof(fc.constantFrom([1], ["a", null], "a", { 0: "a" }), hostileText.map((bad) => ["a", bad])),
  scores: fc.constantFrom([1.5], ["1"], [Number.NaN], [1, undefined], [2n]),
  lines: fc.oneof(
    fc.constantFrom([{ sku: "a" }], [{ sku: "a", qty: 1, price: Number.POSITIVE_INFINITY }], [{ sku: "a", qty: 1, price: null, marks: [1] }], [null]),
    fc.tuple(lineValue, hostileText).map(([line, bad]) => [{ ...line, marks: [bad] }]),
    lineValue.map((line) => [reordered(line)]),
  ),
  labels: fc.oneof(fc.constantFrom({ a: 1 }, { a: null }, ["a"]), hostileText.map((bad) => ({ [bad]: "x" })), hostileText.map((bad) => ({ a: bad }))),
  meta: fc.oneof(
    fc.constantFrom(new Date(0), { a: Number.NaN }, [undefined], new Map(), Number.POSITIVE_INFINITY, { a: 1n }),
    hostileText,
    fc.tuple(jsonKey, hostileText).map(([key, bad]) => ({ [key]: [bad] })),
    hostileText.map((bad) => ({ [bad]: 1 })),
  ),
};
