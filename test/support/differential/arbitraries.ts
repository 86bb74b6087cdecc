import fc from "fast-check";
import type { ComparisonOperator } from "ommi/driver";
import type { Comparison, ConditionDescription, LongList, Operation, QueryDescription, SortDescription } from "./description.js";
import { MAX_LIKE_WILDCARDS } from "./dialect.js";
import { hostilePattern } from "./hostile-patterns.js";
import { MODEL_NAMES, SCHEMA, type FieldType, type ModelName, type Row, type State, type Value } from "./models.js";
import { dialectPattern } from "./regex-arbitrary.js";
import { character, hostileText, nullable, optional, storedText, text, valueOf, writtenValueOf, wrongValueOf } from "./values.js";

// ---------------------------------------------------------------------------------------------
// Datasets: a few rows most of the time, a few hundred sometimes. Keys are small numbers and
// short texts, so that generated queries and writes often hit them.

/** Texts short enough to be keys (PostgreSQL cannot index a text of more than about 2,700 bytes). */
const keyText = fc.oneof(
  { arbitrary: fc.constantFrom("a", "A", "b", "", "é", "😀", "\u212A", "k", "a b"), weight: 4 },
  { arbitrary: storedText, weight: 2 },
  fc.string({ unit: character, maxLength: 4 }),
);

/** Makes a row object, leaving out the optional fields that have no value. */
function row(entries: Record<string, Value | undefined>): Row {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as Row;
}

const pick = <T>(items: readonly T[], index: number | null): T | null => (index === null || items.length === 0 ? null : (items[index % items.length] as T));

function datasetOf(sizes: { owners: number; items: number; tags: number; large: boolean }): fc.Arbitrary<State> {
  const many = sizes.large ? { size: "max" as const } : {};
  return fc
    .record({
      groups: fc.uniqueArray(fc.tuple(keyText, nullable(text), optional(valueOf.integer)), { maxLength: 5, selector: ([code]) => code }),
      owners: fc.array(fc.tuple(nullable(text), nullable(fc.nat()), optional(keyText)), { maxLength: sizes.owners, ...many }),
      items: fc.array(
        fc.tuple(nullable(text), nullable(valueOf.integer), nullable(valueOf.float), nullable(valueOf.boolean), nullable(valueOf.date), nullable(valueOf.bigint), nullable(fc.nat()), optional(text)),
        { maxLength: sizes.items, ...many },
      ),
      tags: fc.uniqueArray(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 3 }), text, optional(valueOf.float)), {
        maxLength: sizes.tags,
        selector: ([item, position]) => `${item}/${position}`,
        ...many,
      }),
    })
    .map(({ groups, owners, items, tags }) => {
      const codes = groups.map(([code]) => code);
      // `nick` is Unique: a repeated one is left out.
      const nicks = new Set<string>();
      const ownerRows = owners.map(([label, group, nick], index) => {
        const unique = nick === undefined || nicks.has(nick) ? undefined : (nicks.add(nick), nick);
        return row({ id: index + 1, label, group: pick(codes, group), nick: unique });
      });
      const itemRows = items.map(([name, count, score, flag, at, big, owner, note], index) =>
        row({ id: index + 1, name, count, score, flag, at, big, owner: owner === null || ownerRows.length === 0 ? null : (owner % ownerRows.length) + 1, note }),
      );
      // Tags of items that exist, one per (item, position).
      const seen = new Set<string>();
      const tagRows = itemRows.length === 0 ? [] : tags.flatMap(([item, position, tagText, weight]) => {
        const id = (item % itemRows.length) + 1;
        if (seen.has(`${id}/${position}`)) return [];
        seen.add(`${id}/${position}`);
        return [row({ item: id, position, text: tagText, weight })];
      });
      return {
        Group: groups.map(([code, title, rank]) => row({ code, title, rank })),
        Owner: ownerRows,
        Item: itemRows,
        Tag: tagRows,
      };
    });
}

export const dataset: fc.Arbitrary<State> = fc.oneof(
  { arbitrary: datasetOf({ owners: 6, items: 16, tags: 8, large: false }), weight: 6 },
  { arbitrary: datasetOf({ owners: 40, items: 300, tags: 120, large: true }), weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Conditions

const COMPARING: readonly ComparisonOperator[] = ["eq", "ne", "gt", "gte", "lt", "lte"];
const TEXT_MATCHING: readonly ComparisonOperator[] = ["contains", "startsWith", "endsWith", "like", "ilike", "regex"];

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

function textValue(operator: ComparisonOperator): fc.Arbitrary<unknown> {
  if (operator === "like" || operator === "ilike") return fc.oneof({ arbitrary: likePattern, weight: 12 }, hostileText);
  if (operator === "regex") return fc.oneof({ arbitrary: dialectPattern, weight: 24 }, { arbitrary: hostilePattern, weight: 2 }, hostileText);
  return fc.oneof({ arbitrary: storedPiece, weight: 6 }, { arbitrary: fc.string({ unit: character, maxLength: 3 }), weight: 2 }, hostileText, text);
}

/** An `in` list: short, or long (hundreds to tens of thousands of values: lists bind as one parameter). */
function listOf(values: fc.Arbitrary<unknown>): fc.Arbitrary<readonly unknown[] | LongList> {
  return fc.oneof(
    { arbitrary: fc.array(values, { maxLength: 4 }), weight: 30 },
    fc.record({ kind: fc.constant("longList" as const), given: fc.array(values, { maxLength: 3 }), filler: fc.constantFrom(100, 1_000, 40_000) }),
  );
}

/** Comparisons on one field, with values drawn like its stored ones so that they often match. */
function comparisonsOn(model: ModelName, field: string, type: FieldType): fc.Arbitrary<Comparison> {
  const make = (operator: ComparisonOperator, value?: unknown): Comparison => ({ kind: "compare", model, field, operator, ...(value === undefined ? {} : { value }) });
  // Keys and references hold small numbers and short codes: compare them with those.
  const schema = SCHEMA[model];
  const keyLike = schema.keys.includes(field) || schema.fields[field]?.references !== undefined || schema.fields[field]?.unique === true;
  const own = keyLike ? (type === "string" ? keyText : fc.integer({ min: -1, max: 20 })) : writtenValueOf[type];
  const values = fc.oneof({ arbitrary: own, weight: 30 }, { arbitrary: writtenValueOf[type], weight: 5 }, wrongValueOf[type]);
  const choices: fc.Arbitrary<Comparison>[] = [
    fc.tuple(fc.constantFrom(...COMPARING), values).map(([operator, value]) => make(operator, value)),
    fc.tuple(fc.constantFrom<ComparisonOperator>("in", "notIn"), listOf(values)).map(([operator, list]) => make(operator, list)),
    fc.constantFrom<ComparisonOperator>("isNull", "isNotNull").map((operator) => make(operator)),
    fc.constantFrom<ComparisonOperator>("eq", "ne").map((operator) => make(operator, null)),
  ];
  if (type !== "string") return fc.oneof(...choices);
  const textMatching = fc.constantFrom(...TEXT_MATCHING).chain((operator) => textValue(operator).map((value) => make(operator, value)));
  return fc.oneof(...choices, { arbitrary: textMatching, weight: 4 });
}

const FIELDS = MODEL_NAMES.flatMap((model) => Object.entries(SCHEMA[model].fields).map(([field, schema]) => ({ model, field, type: schema.type })));

/** Comparisons for queries on `base`: mostly on its own fields, the rest through references (forward, backward, two hops). */
function comparisonFor(base: ModelName): fc.Arbitrary<Comparison> {
  return fc.oneof(
    ...FIELDS.map(({ model, field, type }) => ({
      arbitrary: comparisonsOn(model, field, type),
      weight: (model === base ? 6 : 1) * (type === "string" ? 3 : 1),
    })),
  );
}

function conditionFor(base: ModelName): fc.Arbitrary<ConditionDescription> {
  const comparison = comparisonFor(base);
  const { condition } = fc.letrec<{ condition: ConditionDescription }>((tie) => ({
    condition: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      comparison,
      fc.array(tie("condition"), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: "and", items }) as const),
      fc.array(tie("condition"), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: "or", items }) as const),
      tie("condition").map((item) => ({ kind: "not", item }) as const),
    ),
  }));
  return condition;
}

function queryOn(base: ModelName): fc.Arbitrary<QueryDescription> {
  const sortEntry: fc.Arbitrary<SortDescription> = fc.record({ field: fc.constantFrom(...Object.keys(SCHEMA[base].fields)), direction: fc.constantFrom("asc", "desc") });
  return fc
    .record({
      where: fc.option(conditionFor(base), { nil: undefined, freq: 8 }),
      sort: fc.option(fc.array(sortEntry, { maxLength: 2 }), { nil: undefined, freq: 2 }),
      ties: fc.boolean(),
      window: fc.option(fc.record({ limit: fc.oneof(fc.nat(6), fc.constant(1000)), offset: fc.nat(4) }), { nil: undefined, freq: 2 }),
    })
    .map(({ where, sort, ties, window }) => ({
      model: base,
      ...(where ? { where } : {}),
      ...(sort ? { sort } : {}),
      // Rows may tie only where no window is taken (a window over tied rows has no one answer).
      ...(sort && ties && !window ? { ties: true } : {}),
      ...(sort && window ? { window } : {}),
    }));
}

const QUERIES: Readonly<Record<ModelName, fc.Arbitrary<QueryDescription>>> = Object.fromEntries(MODEL_NAMES.map((model) => [model, queryOn(model)])) as Record<ModelName, fc.Arbitrary<QueryDescription>>;

/** A query on any model, Item (the one with every type) most often. */
export const query: fc.Arbitrary<QueryDescription> = fc.oneof(
  { arbitrary: QUERIES.Item, weight: 4 },
  { arbitrary: QUERIES.Owner, weight: 2 },
  { arbitrary: QUERIES.Group, weight: 1 },
  { arbitrary: QUERIES.Tag, weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Writes

/** A value to store in a field: of its type, null sometimes where allowed; references point at small keys and stored codes, so that they exist about half of the time. */
function storedValueFor(model: ModelName, field: string): fc.Arbitrary<Value> {
  const schema = SCHEMA[model].fields[field];
  if (!schema) throw new Error(`no field ${model}.${field}`);
  // Unique and referring text is indexed, and so kept short (see keyText).
  const own: fc.Arbitrary<Value> = schema.references ? (schema.type === "string" ? keyText : fc.integer({ min: 0, max: 8 })) : schema.unique ? keyText : valueOf[schema.type];
  return schema.nullable ? nullable(own) : own;
}

/**
 * Something wrong with one value of a write, now and then: text no database may hold (a lone
 * surrogate) or only some can (U+0000), a value of the wrong type, null where the field is not
 * nullable, or a required field left out.
 */
type Corruption = { readonly field: number } & ({ readonly kind: "set"; readonly value: unknown } | { readonly kind: "leaveOut" });

function corruptionFor(model: ModelName): fc.Arbitrary<Corruption> {
  const fields = Object.values(SCHEMA[model].fields);
  return fc.nat(fields.length - 1).chain((field) => {
    const { type } = fields[field] as { type: FieldType };
    return fc.oneof(
      { arbitrary: type === "string" ? hostileText : wrongValueOf[type], weight: 3 },
      wrongValueOf[type],
      fc.constant(null),
      fc.constant(undefined),
    ).map((value): Corruption => (value === undefined ? { field, kind: "leaveOut" } : { field, kind: "set", value }));
  });
}

/** One write in six has a corruption. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary, weight: 1 });

function corrupt(model: ModelName, values: Record<string, unknown>, corruption: Corruption | undefined): Record<string, unknown> {
  if (!corruption) return values;
  const field = Object.keys(SCHEMA[model].fields)[corruption.field] as string;
  const changed = { ...values };
  if (corruption.kind === "leaveOut") delete changed[field];
  else changed[field] = corruption.value;
  return changed;
}

/** New rows for a model: keys that sometimes collide, references that sometimes dangle, optional fields often left out. */
function rowsFor(model: ModelName): fc.Arbitrary<Record<string, unknown>[]> {
  const { keys, fields } = SCHEMA[model];
  const valueFor = (field: string): fc.Arbitrary<unknown> => {
    // Tag's key `item` refers to an Item too: mostly ids that exist.
    if (keys.includes(field)) return fields[field]?.type === "string" ? keyText : fc.integer({ min: 0, max: fields[field]?.references ? 16 : 40 });
    return fields[field]?.optional ? fc.option(storedValueFor(model, field), { nil: undefined, freq: 2 }) : storedValueFor(model, field);
  };
  const one = fc.record(Object.fromEntries(Object.keys(fields).map((field) => [field, valueFor(field)]))).map((values) =>
    Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)),
  );
  return fc
    .tuple(fc.array(one, { minLength: 1, maxLength: 4 }), sometimes(fc.tuple(fc.nat(3), corruptionFor(model))))
    .map(([rows, corruption]) => rows.map((values, index) => corrupt(model, values, corruption && corruption[0] % rows.length === index ? corruption[1] : undefined)));
}

/** A patch: some non-key fields of the model, with new values; now and then one of them wrong. */
function patchFor(model: ModelName): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.keys(SCHEMA[model].fields).filter((field) => !SCHEMA[model].keys.includes(field));
  const patch = fc.record(Object.fromEntries(fields.map((field) => [field, storedValueFor(model, field)])), { requiredKeys: [] });
  return fc
    .tuple(patch, sometimes(corruptionFor(model)))
    .map(([values, corruption]) => {
      // A patch has no "required" fields and never sets a key: only a wrong value corrupts it.
      if (!corruption || corruption.kind === "leaveOut") return values;
      const field = Object.keys(SCHEMA[model].fields)[corruption.field] as string;
      return fields.includes(field) ? corrupt(model, values, corruption) : values;
    })
    .filter((values) => Object.keys(values).length > 0);
}

const modelName = fc.constantFrom(...MODEL_NAMES);

const read: fc.Arbitrary<Operation> = fc.oneof(
  fc.tuple(fc.constantFrom("all", "count", "one"), query).map(([kind, description]) => ({ kind, query: description })),
  fc.tuple(query, fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant(1000))).map(([description, batchSize]) => ({ kind: "iterate", query: description, batchSize }) as const),
);

const write: fc.Arbitrary<Operation> = fc.oneof(
  modelName.chain((model) => fc.tuple(QUERIES[model], patchFor(model))).map(([description, patch]) => ({ kind: "update", query: description, patch }) as const),
  // Deleting rows that others refer to is refused (and must change nothing); Tags are referred to by none.
  fc.oneof({ arbitrary: QUERIES.Tag, weight: 3 }, { arbitrary: QUERIES.Item, weight: 2 }, QUERIES.Owner, QUERIES.Group).map((description) => ({ kind: "delete", query: description }) as const),
  modelName.chain((model) => rowsFor(model).map((rows) => ({ kind: "add", model, rows }) as const)),
);

const ending = fc.constantFrom("commit", "throw", "rollback");

/** A nested transaction (a savepoint), inside a transaction. */
const nested: fc.Arbitrary<Operation> = fc
  .tuple(ending, fc.array(fc.oneof({ arbitrary: write, weight: 2 }, read), { minLength: 1, maxLength: 3 }))
  .map(([end, operations]) => ({ kind: "transaction", end, operations }) as const);

const transaction: fc.Arbitrary<Operation> = fc
  .tuple(ending, fc.array(fc.oneof({ arbitrary: write, weight: 4 }, { arbitrary: read, weight: 2 }, nested), { minLength: 1, maxLength: 4 }))
  .map(([end, operations]) => ({ kind: "transaction", end, operations }) as const);

/** What a run does after loading its dataset. */
export const operations: fc.Arbitrary<Operation[]> = fc.array(fc.oneof({ arbitrary: read, weight: 5 }, { arbitrary: write, weight: 3 }, { arbitrary: transaction, weight: 1 }), {
  minLength: 1,
  maxLength: 5,
});
