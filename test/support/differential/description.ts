import { not, when, type Conditional, type Query, type Sort } from "ommi";
import type { ComparisonOperator } from "ommi/driver";
import { fieldSchema, scalarShape, SCHEMA, shapeOf, type DifferentialModels, type FieldType, type ModelName, type Row, type Shape, type State, type Value } from "./models.js";
import { bigintsAsNumbers, flipZeros, reversedKeys, shapeAt, valueAtPath } from "./structured.js";

/**
 * A long list for `in`/`notIn`, written short: the values given, then `filler` more that no
 * stored value equals (so printed counterexamples stay readable). `listValues` spells it out.
 */
export interface LongList {
  readonly kind: "longList";
  readonly given: readonly unknown[];
  readonly filler: number;
}

/**
 * A value taken from the dataset a run starts from (a stored structured value, or an item of a
 * stored array), so that whole-value comparisons find equal values: the row `at` (modulo the
 * rows there are), the value the comparison's path reaches in it (with `item`, that array's
 * item), changed by `variant`. Where there is none, `fallback`. `resolvePicks` puts the values in.
 */
export interface Pick {
  readonly kind: "pick";
  readonly at: number;
  readonly item?: number;
  /**
   * `same`, or a value equal to it (`flipZeros`, `bigintsAsNumbers`), or one with its keys in
   * another order (`reversedKeys`: equal for an object of known keys, not for a record or JSON value).
   */
  readonly variant: "same" | "flipZeros" | "bigintsAsNumbers" | "reversedKeys";
  readonly fallback: unknown;
}

/** Where a comparison or `some` looks: a field of a model, or (`element`) the item of the innermost enclosing `some`. */
export interface Target {
  readonly model: ModelName;
  readonly field: string;
  /** Keys of nested objects, from the field's value (or the item) down. */
  readonly path?: readonly string[];
  /** About the item of the innermost enclosing `some`; `model` and `field` are that `some`'s. */
  readonly element?: true;
}

/** A comparison on a field of any model; on another model than the query's, it goes through the references. */
export interface Comparison extends Target {
  readonly kind: "compare";
  readonly operator: ComparisonOperator;
  readonly value?: unknown;
  /** Compares the number of items of the array reached (`Doc.tags.length.gt(2)`). */
  readonly length?: true;
}

/** Some item of the array reached matches `where` (whose `element` comparisons are about the item). */
export interface SomeCondition extends Target {
  readonly kind: "some";
  readonly where: ConditionDescription;
}

/** A condition as plain data: what fast-check generates, shrinks and prints, and both evaluators read. */
export type ConditionDescription =
  | Comparison
  | SomeCondition
  | { readonly kind: "and" | "or"; readonly items: readonly ConditionDescription[] }
  | { readonly kind: "not"; readonly item: ConditionDescription };

export interface SortDescription {
  readonly field: string;
  readonly direction: "asc" | "desc";
  /** Sorts by a scalar inside the field's value (`Doc.address.city.asc()`). */
  readonly path?: readonly string[];
  /** Sorts by the number of items of the array reached. */
  readonly length?: true;
}

/**
 * A query on one model. With `sort`, the model's keys (ascending) are appended unless `ties` is
 * set, so that the order is total and a window well defined; a window is only taken then.
 */
export interface QueryDescription {
  readonly model: ModelName;
  readonly where?: ConditionDescription;
  readonly sort?: readonly SortDescription[];
  /** The sort is left as given, so rows may tie: only for reads that do not take a window. */
  readonly ties?: boolean;
  readonly window?: { readonly limit: number; readonly offset: number };
}

export type ReadKind = "all" | "count" | "one" | "iterate";

/** One thing done to every database, and checked against what the reference says it must do. */
export type Operation =
  | { readonly kind: "all" | "count" | "one"; readonly query: QueryDescription }
  | { readonly kind: "iterate"; readonly query: QueryDescription; readonly batchSize: number }
  | { readonly kind: "update"; readonly query: QueryDescription; readonly patch: Readonly<Record<string, unknown>> }
  | { readonly kind: "delete"; readonly query: QueryDescription }
  | { readonly kind: "add"; readonly model: ModelName; readonly rows: readonly Readonly<Record<string, unknown>>[] }
  /** A transaction around `operations`, ended by `commit` (returning), `throw` or `tx.rollback()`. */
  | { readonly kind: "transaction"; readonly end: "commit" | "throw" | "rollback"; readonly operations: readonly Operation[] };

export function isLongList(value: unknown): value is LongList {
  return typeof value === "object" && value !== null && (value as LongList).kind === "longList";
}

export function isPick(value: unknown): value is Pick {
  return typeof value === "object" && value !== null && (value as Pick).kind === "pick";
}

/** Filler values of each type that no generated stored value equals. */
const FILLER: Readonly<Record<FieldType, (index: number) => Value>> = {
  string: (index) => `\u{E000}filler ${index}`,
  integer: (index) => 1_000_000_000 + index,
  float: (index) => 1_000_000_000.5 + index,
  boolean: (index) => index % 2 === 0,
  date: (index) => new Date(Date.UTC(3000, 0, 1) + index),
  bigint: (index) => 2n ** 62n + BigInt(index),
};

const spelledOut = new WeakMap<LongList, readonly unknown[]>();

/**
 * The shape a comparison compares with (an integer for a `length`): the field's, or the item's of
 * the enclosing `some` (`itemShape`), followed along the path; undefined where there is none.
 */
export function targetShape(node: Comparison | SomeCondition, itemShape?: Shape): Shape | undefined {
  const base = node.element ? itemShape : shapeOf(fieldSchema(node.model, node.field));
  const reached = base && shapeAt(base, node.path ?? []);
  if (node.kind === "compare" && node.length) return reached?.kind === "array" ? scalarShape("integer") : undefined;
  return reached;
}

/** The values of an `in`/`notIn` list, a long one spelled out (the fillers first, so the given values come last). */
export function listValues(shape: Shape | undefined, value: unknown): readonly unknown[] {
  if (!isLongList(value)) return value as readonly unknown[];
  let values = spelledOut.get(value);
  if (!values) {
    const filler = FILLER[shape?.kind === "scalar" ? shape.type : "string"];
    const spelled: unknown[] = [];
    for (let index = 0; index < value.filler; index++) spelled.push(filler(index));
    spelled.push(...value.given);
    spelledOut.set(value, (values = spelled));
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// Picks

const VARIANTS: Readonly<Record<Pick["variant"], (value: unknown) => unknown>> = {
  same: (value) => value,
  flipZeros,
  bigintsAsNumbers,
  reversedKeys,
};

function resolvePick(data: State, node: Comparison, pick: Pick): unknown {
  const rows = data[node.model];
  if (node.element || rows.length === 0) return pick.fallback;
  const row = rows[pick.at % rows.length] as Row;
  let value = valueAtPath(row[node.field], node.path ?? []);
  if (pick.item !== undefined) value = Array.isArray(value) && value.length > 0 ? (value[pick.item % value.length] as unknown) : null;
  return value === null ? pick.fallback : VARIANTS[pick.variant](value);
}

function resolveCondition(data: State, node: ConditionDescription): ConditionDescription {
  switch (node.kind) {
    case "compare":
      return isPick(node.value) ? { ...node, value: resolvePick(data, node, node.value) } : node;
    case "some":
      return { ...node, where: resolveCondition(data, node.where) };
    case "not":
      return { ...node, item: resolveCondition(data, node.item) };
    case "and":
    case "or":
      return { ...node, items: node.items.map((item) => resolveCondition(data, item)) };
  }
}

function resolveQuery(data: State, query: QueryDescription): QueryDescription {
  return query.where ? { ...query, where: resolveCondition(data, query.where) } : query;
}

/** The operations with every `Pick` replaced by the value it takes from `data` (the dataset the run starts from). */
export function resolvePicks(data: State, operations: readonly Operation[]): Operation[] {
  return operations.map((operation): Operation => {
    if (operation.kind === "transaction") return { ...operation, operations: resolvePicks(data, operation.operations) };
    if (operation.kind === "add") return operation;
    return { ...operation, query: resolveQuery(data, operation.query) };
  });
}

// ---------------------------------------------------------------------------------------------
// Ommi queries

type Operation1 = (value?: unknown) => Conditional;
type Ref = Record<string, unknown>;
type Handles = Readonly<Record<ModelName, unknown>>;

const refOf = (models: DifferentialModels, modelName: ModelName, field: string) => (models as unknown as Record<ModelName, Record<string, unknown>>)[modelName][field] as Ref;

/** The field ref a target names, reached as users reach it: `Doc.address.geo.label`, `line.marks.length`. */
function refFor(models: DifferentialModels, target: Target & { readonly length?: true }, item: Ref | undefined): Ref {
  let ref = target.element ? (item as Ref) : refOf(models, target.model, target.field);
  for (const key of target.path ?? []) ref = ref[key] as Ref;
  return target.length ? (ref.length as Ref) : ref;
}

const NO_VALUE: ReadonlySet<ComparisonOperator> = new Set(["isNull", "isNotNull", "isEmpty"]);

function compareOn(models: DifferentialModels, node: Comparison, item: Ref | undefined, itemShape: Shape | undefined): Conditional {
  const ref = refFor(models, node, item);
  const operation = ref[node.operator] as Operation1;
  if (NO_VALUE.has(node.operator)) return operation.call(ref);
  const value = node.operator === "in" || node.operator === "notIn" ? listValues(targetShape(node, itemShape), node.value) : node.value;
  return operation.call(ref, value);
}

/** The Ommi query a description stands for, built through the public API as users build theirs. */
export function toOmmiQuery(models: DifferentialModels, description: QueryDescription): Query<Row> {
  const model = (models as unknown as Handles)[description.model] as Parameters<typeof when>[0];
  const condition = (node: ConditionDescription, item: Ref | undefined, itemShape: Shape | undefined): Conditional => {
    switch (node.kind) {
      case "compare":
        return compareOn(models, node, item, itemShape);
      case "some": {
        const ref = refFor(models, node, item);
        const arrayShape = targetShape(node, itemShape);
        const inner = arrayShape?.kind === "array" ? arrayShape.of : undefined;
        return (ref.some as (predicate: (item: Ref) => Conditional) => Conditional).call(ref, (each: Ref) => condition(node.where, each, inner));
      }
      case "and": {
        const items = node.items.map((each) => condition(each, item, itemShape));
        // Inside some(...), conditions on the item only (the model is the enclosing one's).
        return item ? when(items[0] as Conditional, ...items.slice(1)) : when(model, ...items);
      }
      case "or": {
        const [first, ...rest] = node.items.map((each) => condition(each, item, itemShape));
        return rest.reduce<Query<unknown>>((query, each) => query.or(each), item ? when(first as Conditional) : when(model, first as Conditional));
      }
      case "not":
        return not(condition(node.item, item, itemShape));
    }
  };
  let query = (description.where ? when(model, condition(description.where, undefined, undefined)) : when(model)) as Query<Row>;
  if (description.sort) {
    const keys = description.ties ? [] : sortKeys(description.model, description.sort);
    const sorts = [...description.sort, ...keys].map((entry) => {
      const ref = refFor(models, { model: description.model, field: entry.field, ...(entry.path ? { path: entry.path } : {}), ...(entry.length ? { length: true } : {}) }, undefined);
      return (ref[entry.direction] as () => Sort<Row>).call(ref);
    });
    query = query.sort(...sorts);
    if (description.window && !description.ties) query = query.limit(description.window.limit, description.window.offset);
  }
  return query;
}

/** The model's keys, ascending, that are not sorted by already: appended to make an order total. */
export function sortKeys(modelName: ModelName, sort: readonly SortDescription[]): SortDescription[] {
  return SCHEMA[modelName].keys.filter((key) => !sort.some((entry) => entry.field === key && !entry.path && !entry.length)).map((field) => ({ field, direction: "asc" }));
}
