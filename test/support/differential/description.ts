import { not, when, type Conditional, type Query, type Sort } from "ommi";
import type { ComparisonOperator } from "ommi/driver";
import { fieldSchema, SCHEMA, type DifferentialModels, type FieldType, type ModelName, type Row, type Value } from "./models.js";

/**
 * A long list for `in`/`notIn`, written short: the values given, then `filler` more that no
 * stored value equals (so printed counterexamples stay readable). `listValues` spells it out.
 */
export interface LongList {
  readonly kind: "longList";
  readonly given: readonly unknown[];
  readonly filler: number;
}

/** A comparison on a field of any model; on another model than the query's, it goes through the references. */
export interface Comparison {
  readonly kind: "compare";
  readonly model: ModelName;
  readonly field: string;
  readonly operator: ComparisonOperator;
  readonly value?: unknown;
}

/** A condition as plain data: what fast-check generates, shrinks and prints, and both evaluators read. */
export type ConditionDescription =
  | Comparison
  | { readonly kind: "and" | "or"; readonly items: readonly ConditionDescription[] }
  | { readonly kind: "not"; readonly item: ConditionDescription };

export interface SortDescription {
  readonly field: string;
  readonly direction: "asc" | "desc";
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

/** The values of an `in`/`notIn` list, a long one spelled out (the fillers first, so the given values come last). */
export function listValues(modelName: ModelName, field: string, value: unknown): readonly unknown[] {
  if (!isLongList(value)) return value as readonly unknown[];
  let values = spelledOut.get(value);
  if (!values) {
    const filler = FILLER[fieldSchema(modelName, field).type];
    const spelled: unknown[] = [];
    for (let index = 0; index < value.filler; index++) spelled.push(filler(index));
    spelled.push(...value.given);
    spelledOut.set(value, (values = spelled));
  }
  return values;
}

type Operation1 = (value?: unknown) => Conditional;
type Ref = Record<string, Operation1>;
type SortRef = Record<"asc" | "desc", () => Sort<Row>>;
type Handles = Readonly<Record<ModelName, unknown>>;

const refOf = (models: DifferentialModels, modelName: ModelName, field: string) => (models as unknown as Record<ModelName, Record<string, unknown>>)[modelName][field] as Ref;

function compareOn(models: DifferentialModels, node: Comparison): Conditional {
  const ref = refOf(models, node.model, node.field);
  const operation = ref[node.operator] as Operation1;
  if (node.operator === "isNull" || node.operator === "isNotNull") return operation.call(ref);
  const value = node.operator === "in" || node.operator === "notIn" ? listValues(node.model, node.field, node.value) : node.value;
  return operation.call(ref, value);
}

/** The Ommi query a description stands for, built through the public API as users build theirs. */
export function toOmmiQuery(models: DifferentialModels, description: QueryDescription): Query<Row> {
  const model = (models as unknown as Handles)[description.model] as Parameters<typeof when>[0];
  const condition = (node: ConditionDescription): Conditional => {
    switch (node.kind) {
      case "compare":
        return compareOn(models, node);
      case "and":
        return when(model, ...node.items.map(condition));
      case "or": {
        const [first, ...rest] = node.items.map(condition);
        return rest.reduce<Query<unknown>>((query, item) => query.or(item), when(model, first as Conditional));
      }
      case "not":
        return not(condition(node.item));
    }
  };
  let query = (description.where ? when(model, condition(description.where)) : when(model)) as Query<Row>;
  if (description.sort) {
    const keys = description.ties ? [] : sortKeys(description.model, description.sort);
    const sorts = [...description.sort, ...keys].map(({ field, direction }) => (refOf(models, description.model, field) as unknown as SortRef)[direction]());
    query = query.sort(...sorts);
    if (description.window && !description.ties) query = query.limit(description.window.limit, description.window.offset);
  }
  return query;
}

/** The model's keys, ascending, that are not sorted by already: appended to make an order total. */
export function sortKeys(modelName: ModelName, sort: readonly SortDescription[]): SortDescription[] {
  return SCHEMA[modelName].keys.filter((key) => !sort.some((entry) => entry.field === key)).map((field) => ({ field, direction: "asc" }));
}
