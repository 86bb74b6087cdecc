import fc from "fast-check";
import type { ComparisonOperator } from "ommi/driver";
import { scalarComparisons } from "./comparison-arbitraries.js";
import type { Comparison, ConditionDescription, Operation, QueryDescription, SortDescription } from "./description.js";
import { MODEL_NAMES, SCHEMA, type FieldType, type ModelName, type Row, type State, type Value } from "./models.js";
import { docCondition, docSort, structuredValueOf, wrongStructuredOf } from "./structured-arbitraries.js";
import { character, hostileText, nullable, optional, storedText, text, valueOf, writtenValueOf, wrongValueOf } from "./values.js";

export { likePattern, storedPiece } from "./comparison-arbitraries.js";

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

const structured = (field: string) => structuredValueOf[field] as fc.Arbitrary<Value>;

const pick = <T>(items: readonly T[], index: number | null): T | null => (index === null || items.length === 0 ? null : (items[index % items.length] as T));

function datasetOf(sizes: { owners: number; items: number; tags: number; docs: number; large: boolean }): fc.Arbitrary<State> {
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
      docs: fc.array(
        fc.tuple(
          nullable(fc.nat()),
          optional(structured("address")),
          structured("tags"),
          structured("scores"),
          structured("lines"),
          optional(structured("labels")),
          structured("meta"),
        ),
        { maxLength: sizes.docs, ...many },
      ),
    })
    .map(({ groups, owners, items, tags, docs }) => {
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
      const docRows = docs.map(([owner, address, tags, scores, lines, labels, meta], index) =>
        row({ id: index + 1, owner: owner === null || ownerRows.length === 0 ? null : (owner % ownerRows.length) + 1, address, tags, scores, lines, labels, meta }),
      );
      return {
        Group: groups.map(([code, title, rank]) => row({ code, title, rank })),
        Owner: ownerRows,
        Item: itemRows,
        Tag: tagRows,
        Doc: docRows,
      };
    });
}

export const dataset: fc.Arbitrary<State> = fc.oneof(
  { arbitrary: datasetOf({ owners: 6, items: 16, tags: 8, docs: 10, large: false }), weight: 6 },
  { arbitrary: datasetOf({ owners: 40, items: 300, tags: 120, docs: 60, large: true }), weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Conditions

/** Comparisons on one scalar field, with values drawn like its stored ones so that they often match. */
function comparisonsOn(model: ModelName, field: string, type: FieldType): fc.Arbitrary<Comparison> {
  const make = (operator: ComparisonOperator, value?: unknown): Comparison => ({ kind: "compare", model, field, operator, ...(value === undefined ? {} : { value }) });
  // Keys and references hold small numbers and short codes: compare them with those.
  const schema = SCHEMA[model];
  const keyLike = schema.keys.includes(field) || schema.fields[field]?.references !== undefined || schema.fields[field]?.unique === true;
  const own = keyLike ? (type === "string" ? keyText : fc.integer({ min: -1, max: 20 })) : writtenValueOf[type];
  return scalarComparisons(make, type, own);
}

const FIELDS = MODEL_NAMES.flatMap((model) =>
  Object.entries(SCHEMA[model].fields).flatMap(([field, schema]) => (schema.type === "structured" ? [] : [{ model, field, type: schema.type }])),
);

/** Comparisons for queries on `base`: mostly on its own fields, the rest through references (forward, backward, two hops). */
function comparisonFor(base: ModelName): fc.Arbitrary<ConditionDescription> {
  return fc.oneof(
    ...FIELDS.map(({ model, field, type }) => ({
      arbitrary: comparisonsOn(model, field, type),
      weight: (model === base ? 6 : 1) * (type === "string" ? 3 : 1),
    })),
    // Doc's structured fields: most conditions of queries on Doc, a few through references.
    { arbitrary: docCondition, weight: base === "Doc" ? 60 : 3 },
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
  const sortEntry: fc.Arbitrary<SortDescription> = base === "Doc" ? docSort : fc.record({ field: fc.constantFrom(...Object.keys(SCHEMA[base].fields)), direction: fc.constantFrom("asc", "desc") });
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

/** A query on any model, Item (the one with every scalar type) and Doc (the one with structured fields) most often. */
export const query: fc.Arbitrary<QueryDescription> = fc.oneof(
  { arbitrary: QUERIES.Item, weight: 4 },
  { arbitrary: QUERIES.Doc, weight: 4 },
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
  if (schema.type === "structured") return structuredValueOf[field] as fc.Arbitrary<Value>;
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
  const fields = Object.entries(SCHEMA[model].fields);
  return fc.nat(fields.length - 1).chain((field) => {
    const [name, { type }] = fields[field] as [string, { type: FieldType | "structured" }];
    if (type === "structured") {
      return fc.oneof({ arbitrary: wrongStructuredOf[name] as fc.Arbitrary<unknown>, weight: 4 }, fc.constant(null), fc.constant(undefined))
        .map((value): Corruption => (value === undefined ? { field, kind: "leaveOut" } : { field, kind: "set", value }));
    }
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
  fc.oneof({ arbitrary: QUERIES.Tag, weight: 3 }, { arbitrary: QUERIES.Doc, weight: 3 }, { arbitrary: QUERIES.Item, weight: 2 }, QUERIES.Owner, QUERIES.Group).map((description) => ({ kind: "delete", query: description }) as const),
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
