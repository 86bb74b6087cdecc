import { isLongList, listValues, sortKeys, targetShape, type Comparison, type ConditionDescription, type Operation, type QueryDescription, type SomeCondition, type SortDescription } from "./description.js";
import { inDialect, patternWithinBounds } from "./dialect.js";
import { MODEL_NAMES, SCHEMA, shapeOf, type ModelName, type Row, type Shape, type State, type Value } from "./models.js";
import { ACCEPTS, comparableValue, COMPARABLE, hasNulDeep, inSchemaOrder, isMalformed, normalized, sameJson, storable, valueAtPath } from "./structured.js";
import { textMatches } from "./text-matching.js";

/**
 * DESIGN §4 in plain JavaScript, written independently of the core and the drivers, so that a
 * mistake they share still shows: comparisons with null (or a missing optional value) are false;
 * `not` is the complement; a condition on another model holds when some row reached through the
 * references matches it; strings order by code point; nulls first ascending, last descending;
 * text matching as text-matching.ts says. Structured fields (rule 6): a condition on a nested
 * value is false when it, or a value on the way to it, is null or missing (`isNull` is true
 * then); array operators never match a null or missing array; items and whole values are equal
 * when they have the same JSON form, leaf by leaf with `===`, an object of known keys taken in
 * its schema's order (structured.ts). Also what each
 * write must do to the rows, and which error must refuse an operation (and that a refused write
 * changes nothing): keys, Unique fields and (where the database has foreign keys) references are enforced by the database, for each
 * statement as a whole.
 */

/**
 * What differs between databases: PostgreSQL's text (and jsonb) cannot hold U+0000; MySQL's
 * floating-point columns cannot hold -0, its DATETIME columns only the years 1000 to 9999;
 * MongoDB enforces no references and has no savepoints.
 */
export interface Capabilities {
  /** Text, at any depth of a value, may hold U+0000 (not on PostgreSQL). */
  readonly storesNul: boolean;
  /**
   * A float field may hold -0 (not on MySQL, whose DOUBLE stores it as 0: a write of it is a
   * ValidationError there). Inside a structured value -0 is JSON text, kept everywhere.
   */
  readonly storesNegativeZero: boolean;
  /**
   * The first and last instants (milliseconds since the epoch) a date field holds, where a
   * database holds fewer dates than JavaScript (MySQL's DATETIME: 1000-01-01 to
   * 9999-12-31 23:59:59.999). A date outside it is refused: a ValidationError for a write, a
   * QueryError for a query comparing a date field with it. Inside a structured value a date is
   * JSON, held everywhere.
   */
  readonly dateRange?: readonly [first: number, last: number];
  /** Keys inside structured values may hold U+0000 (SQLite and MySQL, which keep JSON text: BSON's keys cannot, PostgreSQL's JSON neither). */
  readonly storesNulInKeys: boolean;
  /** References are foreign keys (the driver's `foreignKeys`): a row referring to a missing one is a ConstraintError. */
  readonly foreignKeys: boolean;
  /** A transaction can open a nested one (the driver's `savepoints`); without, a nested transaction is a TransactionError and its callback never runs. */
  readonly savepoints: boolean;
}

export type ErrorName = "QueryError" | "ValidationError" | "ConstraintError" | "TransactionError" | "NoResultError";

/** What an operation must give. */
export type Expectation =
  /** Fails with one of these errors (the contract does not order them when several apply). */
  | { readonly kind: "error"; readonly errors: readonly ErrorName[] }
  /** Rows: in exactly this order, in any order, or in an order that keeps `sort` (rows may tie). */
  | { readonly kind: "rows"; readonly model: ModelName; readonly rows: readonly Row[]; readonly order: "exact" | "set" | "sorted"; readonly sort?: readonly SortDescription[] }
  | { readonly kind: "number"; readonly value: number }
  /** One row, any of these. */
  | { readonly kind: "oneOf"; readonly model: ModelName; readonly rows: readonly Row[] }
  /** Any of these outcomes (where the contract leaves the choice open). */
  | { readonly kind: "anyOf"; readonly options: readonly Expectation[] };

const fails = (...errors: ErrorName[]): Expectation => ({ kind: "error", errors });

// ---------------------------------------------------------------------------------------------
// Values

/** A stored value (a missing optional one is null, as the database holds it). */
const valueAt = (row: Row, field: string): Value => row[field] ?? null;

/** Strings by code point (= UTF-8 byte order; JavaScript's `<` compares UTF-16 units), the rest by value. */
export function compareValues(x: unknown, y: unknown): number {
  if (typeof x === "string") return x === y ? 0 : Buffer.compare(Buffer.from(x), Buffer.from(y as string));
  if (x instanceof Date) return Math.sign(x.getTime() - (y as Date).getTime());
  if (typeof x === "bigint" || typeof y === "bigint") {
    const [a, b] = [BigInt(x as bigint), BigInt(y as bigint)];
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const [a, b] = [Number(x), Number(y)];
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A key under which equal values of one field are the same (`-0` and `0`, `1n` and `1`). */
function equalityKey(value: unknown): string {
  if (typeof value === "string") return `s${value}`;
  if (value instanceof Date) return `d${value.getTime()}`;
  if (typeof value === "bigint") return `i${value}`;
  if (typeof value === "number") return Number.isInteger(value) ? `i${BigInt(value)}` : `n${value}`;
  return `o${String(value)}`;
}

/** A row as stored: optional fields left out are absent, structured values as the schema library gives them back. */
function storedRow(modelName: ModelName, values: Readonly<Record<string, unknown>>): Row {
  const row: Record<string, Value> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const schema = SCHEMA[modelName].fields[field];
    row[field] = schema?.type === "structured" ? normalized(shapeOf(schema), value) : (value as Value);
  }
  return row;
}

// ---------------------------------------------------------------------------------------------
// Conditions

interface Hop {
  readonly from: ModelName;
  readonly fromField: string;
  readonly to: ModelName;
  readonly toField: string;
}

/** Every step along a reference, in both directions. */
const HOPS: readonly Hop[] = MODEL_NAMES.flatMap((model) =>
  Object.entries(SCHEMA[model].fields).flatMap(([field, schema]) => {
    if (!schema.references) return [];
    const [target, targetField] = schema.references;
    return [{ from: model, fromField: field, to: target, toField: targetField }, { from: target, fromField: targetField, to: model, toField: field }];
  }),
);

/** The one shortest chain of references between two models (the differential models form a tree). */
function pathBetween(from: ModelName, to: ModelName): readonly Hop[] {
  let frontier: Hop[][] = [[]];
  const seen = new Set<ModelName>([from]);
  while (frontier.length) {
    const next: Hop[][] = [];
    for (const path of frontier) {
      const at = path.length ? (path[path.length - 1] as Hop).to : from;
      for (const hop of HOPS) if (hop.from === at && !seen.has(hop.to)) next.push([...path, hop]);
    }
    const arrived = next.filter((path) => (path[path.length - 1] as Hop).to === to);
    if (arrived.length > 1) throw new Error(`the differential models reach ${to} from ${from} in more than one way`);
    if (arrived[0]) return arrived[0];
    for (const path of next) seen.add((path[path.length - 1] as Hop).to);
    frontier = next;
  }
  throw new Error(`the differential models do not reach ${to} from ${from}`);
}

/** The item of an enclosing `some(...)`, and its shape. */
interface Item {
  readonly value: unknown;
  readonly shape: Shape;
}

/** A condition that is about a row of one model: a comparison or `some` (not about an item). */
type Leaf = Comparison | SomeCondition;

function compares(stored: unknown, operator: string, value: unknown, shape: Shape | undefined, list?: ReadonlySet<string>): boolean {
  if (operator === "isNull" || (operator === "eq" && value === null)) return stored === null;
  if (operator === "isNotNull" || (operator === "ne" && value === null)) return stored !== null;
  if (stored === null) return false;
  const scalar = shape?.kind === "scalar";
  const given = (wanted: unknown, of: Shape | undefined) => (of ? inSchemaOrder(of, wanted) : wanted);
  const items = shape?.kind === "array" ? shape.of : undefined;
  switch (operator) {
    case "eq": return scalar ? compareValues(stored, value) === 0 : sameJson(stored, given(value, shape));
    case "ne": return scalar ? compareValues(stored, value) !== 0 : !sameJson(stored, given(value, shape));
    case "gt": return compareValues(stored, value) > 0;
    case "gte": return compareValues(stored, value) >= 0;
    case "lt": return compareValues(stored, value) < 0;
    case "lte": return compareValues(stored, value) <= 0;
    case "in": return (list as ReadonlySet<string>).has(equalityKey(stored));
    case "notIn": return !(list as ReadonlySet<string>).has(equalityKey(stored));
    case "has": return (stored as readonly unknown[]).some((item) => sameJson(item, given(value, items)));
    case "hasAny": return (value as readonly unknown[]).some((wanted) => (stored as readonly unknown[]).some((item) => sameJson(item, given(wanted, items))));
    case "hasAll": return (value as readonly unknown[]).every((wanted) => (stored as readonly unknown[]).some((item) => sameJson(item, given(wanted, items))));
    case "isEmpty": return (stored as readonly unknown[]).length === 0;
  }
  return textMatches(operator, stored as string, value as string);
}

/** The value a comparison or `some` is about in a row (or in the innermost item): null where it, or a value on the way to it, is null or missing. */
function reached(node: Leaf, row: Row, items: readonly Item[]): unknown {
  const base = node.element ? (items[items.length - 1] as Item).value : valueAt(row, node.field);
  const value = valueAtPath(base, node.path ?? []);
  if (node.kind === "compare" && node.length) return Array.isArray(value) ? value.length : null;
  return value;
}

/** Evaluates queries over one state; remembers the rows each condition on another model selects. */
class Evaluation {
  readonly #lists = new Map<Comparison, ReadonlySet<string>>();
  readonly #related = new Map<Leaf, ReadonlySet<Row>>();

  constructor(readonly state: State) {}

  #matches(node: Comparison, row: Row, items: readonly Item[]): boolean {
    const shape = targetShape(node, items[items.length - 1]?.shape);
    let list: ReadonlySet<string> | undefined;
    if (node.operator === "in" || node.operator === "notIn") {
      list = this.#lists.get(node);
      if (!list) this.#lists.set(node, (list = new Set(listValues(shape, node.value).map(equalityKey))));
    }
    return compares(reached(node, row, items), node.operator, node.value, shape, list);
  }

  /** Some item of the array reached matches the condition; a null or missing array has none. */
  #some(node: SomeCondition, model: ModelName, row: Row, items: readonly Item[]): boolean {
    const array = reached(node, row, items);
    const shape = targetShape(node, items[items.length - 1]?.shape);
    if (!Array.isArray(array) || shape?.kind !== "array") return false;
    return array.some((item) => this.holds(node.where, model, row, [...items, { value: item, shape: shape.of }]));
  }

  #leaf(node: Leaf, model: ModelName, row: Row, items: readonly Item[]): boolean {
    return node.kind === "compare" ? this.#matches(node, row, items) : this.#some(node, model, row, items);
  }

  /** The rows of `model` related to some row of `node.model` that matches `node`, walking the path back. */
  #relatedRows(model: ModelName, node: Leaf): ReadonlySet<Row> {
    let found = this.#related.get(node);
    if (found) return found;
    let rows: readonly Row[] = this.state[node.model].filter((row) => this.#leaf(node, node.model, row, []));
    for (const hop of [...pathBetween(model, node.model)].reverse()) {
      const values = new Set(rows.map((row) => valueAt(row, hop.toField)).filter((value) => value !== null).map(equalityKey));
      rows = this.state[hop.from].filter((row) => {
        const value = valueAt(row, hop.fromField);
        return value !== null && values.has(equalityKey(value));
      });
    }
    this.#related.set(node, (found = new Set(rows)));
    return found;
  }

  holds(node: ConditionDescription, model: ModelName, row: Row, items: readonly Item[] = []): boolean {
    switch (node.kind) {
      case "and":
        return node.items.every((item) => this.holds(item, model, row, items));
      case "or":
        return node.items.some((item) => this.holds(item, model, row, items));
      case "not":
        return !this.holds(node.item, model, row, items);
      case "compare":
      case "some":
        // About the item of an enclosing some(...), or a row of this model: evaluated here; else through the references.
        return node.element || node.model === model ? this.#leaf(node, model, row, items) : this.#relatedRows(model, node).has(row);
    }
  }

  /** The rows a query selects: filtered, sorted (keys appended unless it allows ties), windowed. */
  select(query: QueryDescription): Row[] {
    const rows = this.state[query.model].filter((row) => (query.where ? this.holds(query.where, query.model, row) : true));
    if (!query.sort) return rows;
    rows.sort(comparator(fullSort(query)));
    if (!query.window || query.ties) return rows;
    return rows.slice(query.window.offset, query.window.offset + query.window.limit);
  }
}

/** The sort a query asks for, completed by the keys unless it allows ties. */
export function fullSort(query: QueryDescription): readonly SortDescription[] {
  const sort = query.sort ?? [];
  return query.ties ? sort : [...sort, ...sortKeys(query.model, sort)];
}

/** The value a sort orders by: null where it, or a value on the way to it, is null or missing. */
function sortValue(row: Row, entry: SortDescription): unknown {
  const value = valueAtPath(valueAt(row, entry.field), entry.path ?? []);
  if (entry.length) return Array.isArray(value) ? value.length : null;
  return value;
}

/** Nulls (and missing values) first ascending, last descending. */
export function comparator(order: readonly SortDescription[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const entry of order) {
      const x = sortValue(a, entry);
      const y = sortValue(b, entry);
      if (x === null && y === null) continue;
      const sign = x === null ? -1 : y === null ? 1 : compareValues(x, y);
      if (sign !== 0) return entry.direction === "asc" ? sign : -sign;
    }
    return 0;
  };
}

// ---------------------------------------------------------------------------------------------
// Refusals, in the order Ommi meets them: the core checks a query, then a patch or rows (phase 1);
// a driver refuses what its database cannot hold before sending it (phase 2); the database
// enforces keys and references (phase 3).

/** Every comparison and `some` of a condition, with the shape of the item each is inside (for `element` ones). */
function* leaves(node: ConditionDescription | undefined, itemShape?: Shape): Generator<readonly [Leaf, Shape | undefined]> {
  if (!node) return;
  switch (node.kind) {
    case "compare":
      yield [node, itemShape];
      return;
    case "some": {
      yield [node, itemShape];
      const shape = targetShape(node, itemShape);
      yield* leaves(node.where, shape?.kind === "array" ? shape.of : undefined);
      return;
    }
    case "not":
      yield* leaves(node.item, itemShape);
      return;
    case "and":
    case "or":
      for (const item of node.items) yield* leaves(item, itemShape);
  }
}

/** Every value a comparison compares with (the items of lists), spelled out. */
function* comparedValues(node: Comparison, shape: Shape | undefined): Generator<unknown> {
  if (node.operator === "isNull" || node.operator === "isNotNull" || node.operator === "isEmpty") return;
  if (node.operator === "in" || node.operator === "notIn") yield* listValues(shape, node.value);
  else if ((node.operator === "hasAny" || node.operator === "hasAll") && Array.isArray(node.value)) yield* node.value as unknown[];
  else yield node.value;
}

const TEXT_OPERATORS = new Set(["contains", "startsWith", "endsWith", "like", "ilike", "regex"]);
const ORDERING = new Set(["gt", "gte", "lt", "lte"]);

/**
 * Whether the core refuses a comparison (QueryError): an operator that does not apply to what the
 * path reaches (ordering and `in` only on scalars, text operators only on strings, array
 * operators and `some` only on arrays), or a value that is not one of that type.
 */
function badLeaf(node: Leaf, itemShape: Shape | undefined): boolean {
  const shape = targetShape(node, itemShape);
  if (node.kind === "some") return shape?.kind !== "array";
  // Only a path that does not lead anywhere, or the length of what is not an array, has no shape.
  if (!shape) return true;
  if (node.operator === "isNull" || node.operator === "isNotNull") return false;
  if ((node.operator === "eq" || node.operator === "ne") && node.value === null) return false;
  const scalarType = shape.kind === "scalar" ? shape.type : undefined;
  if (TEXT_OPERATORS.has(node.operator)) {
    if (scalarType !== "string" || typeof node.value !== "string" || isMalformed(node.value)) return true;
    return node.operator === "regex" ? !inDialect(node.value) : !patternWithinBounds(node.operator, node.value);
  }
  if (node.operator === "in" || node.operator === "notIn") {
    if (!scalarType || (!Array.isArray(node.value) && !isLongList(node.value))) return true;
    return listValues(shape, node.value).some((item) => !COMPARABLE[scalarType](item) || isMalformed(item));
  }
  if (ORDERING.has(node.operator)) return !scalarType || !COMPARABLE[scalarType](node.value) || isMalformed(node.value);
  if (node.operator === "has" || node.operator === "hasAny" || node.operator === "hasAll" || node.operator === "isEmpty") {
    if (shape.kind !== "array") return true;
    if (node.operator === "isEmpty") return false;
    if (node.operator === "has") return !comparableValue(shape.of, node.value);
    return !Array.isArray(node.value) || !(node.value as unknown[]).every((item) => comparableValue(shape.of, item));
  }
  // eq and ne: a value of the type (a whole object, array, record or JSON value too).
  return !comparableValue(shape, node.value);
}

/** Phase 1 for a query: an operator that does not apply, a value of the wrong type, malformed text, a pattern outside the dialect, a sort by a structured value. */
export function queryRefusedByCore(query: QueryDescription): boolean {
  for (const [node, itemShape] of leaves(query.where)) if (badLeaf(node, itemShape)) return true;
  for (const entry of query.sort ?? []) {
    const shape = targetShape({ kind: "compare", operator: "eq", model: query.model, field: entry.field, ...(entry.path ? { path: entry.path } : {}), ...(entry.length ? { length: true } : {}) });
    if (shape?.kind !== "scalar") return true;
  }
  return false;
}

/**
 * Phase 2 for a query: text the database cannot hold, anywhere in a value compared with; a date
 * outside the range a date field holds, compared with one (not with a date inside a structured value).
 */
function queryRefusedByDriver(query: QueryDescription, capabilities: Capabilities): boolean {
  if (capabilities.storesNul && capabilities.storesNulInKeys && !capabilities.dateRange) return false;
  for (const [node, itemShape] of leaves(query.where)) {
    if (node.kind !== "compare") continue;
    const dateColumn = !node.element && !node.path?.length && SCHEMA[node.model].fields[node.field]?.type === "date";
    for (const value of comparedValues(node, targetShape(node, itemShape))) {
      if (nulRefused(value, capabilities) || (dateColumn && outsideDateRange(value, capabilities))) return true;
    }
  }
  return false;
}

/** Whether `value` is a date the database's date fields cannot hold. */
function outsideDateRange(value: unknown, capabilities: Capabilities): boolean {
  if (!capabilities.dateRange || !(value instanceof Date)) return false;
  const [first, last] = capabilities.dateRange;
  return !(value.getTime() >= first && value.getTime() <= last);
}

/** Whether the database refuses `value` for a U+0000 in its text or in one of its keys. */
function nulRefused(value: unknown, capabilities: Capabilities): boolean {
  return hasNulDeep(value, { text: !capabilities.storesNul, keys: !capabilities.storesNulInKeys });
}

/** Phase 1 for values to store: the schema's types, nullability and presence (at every depth), and well-formed text. */
function valuesRefusedByCore(modelName: ModelName, values: Readonly<Record<string, unknown>>, whole: boolean): boolean {
  const fields = SCHEMA[modelName].fields;
  for (const [field, schema] of Object.entries(fields)) {
    const value = values[field];
    if (value === undefined) {
      if (whole && !schema.optional) return true;
      continue;
    }
    if (value === null) {
      if (!schema.nullable) return true;
      continue;
    }
    if (schema.type === "structured" ? !storable(shapeOf(schema), value) : !ACCEPTS[schema.type](value) || isMalformed(value)) return true;
  }
  return false;
}

/** Phase 2 for values to store (as stored: keys the schema drops are gone). */
function valuesRefusedByDriver(modelName: ModelName, values: Readonly<Record<string, unknown>>, capabilities: Capabilities): boolean {
  return Object.entries(values).some(([field, value]) => nulRefused(value, capabilities) || negativeZeroRefused(modelName, field, value, capabilities) || dateRefused(modelName, field, value, capabilities));
}

/** Whether the database refuses `value` for a date field because it is outside the dates it holds. */
function dateRefused(modelName: ModelName, field: string, value: unknown, capabilities: Capabilities): boolean {
  return SCHEMA[modelName].fields[field]?.type === "date" && outsideDateRange(value, capabilities);
}

/** A date the database's date fields hold: itself, or else one moved into the range by whole spans of it (so that distinct dates mostly stay distinct). */
function dateInRange(date: Date, [first, last]: readonly [number, number]): Date {
  const span = last - first + 1;
  return new Date(first + ((((date.getTime() - first) % span) + span) % span));
}

/** Whether the database refuses `value` for a float field because it is -0. */
function negativeZeroRefused(modelName: ModelName, field: string, value: unknown, capabilities: Capabilities): boolean {
  return !capabilities.storesNegativeZero && Object.is(value, -0) && SCHEMA[modelName].fields[field]?.type === "float";
}

/**
 * The dataset as a database stores it: where float fields cannot hold -0, it is written 0 there
 * (what a user of that database writes; every condition and sort treats the two alike); where
 * date fields hold fewer dates than JavaScript, one outside them is moved into them (see
 * dateInRange). The run then compares as on every database.
 */
export function storableDataset(data: State, capabilities: Capabilities): State {
  const { dateRange } = capabilities;
  if (capabilities.storesNegativeZero && !dateRange) return data;
  const storable = (modelName: ModelName, field: string, value: Value): Value => {
    if (negativeZeroRefused(modelName, field, value, capabilities)) return 0;
    return dateRange && dateRefused(modelName, field, value, capabilities) ? dateInRange(value as Date, dateRange) : value;
  };
  const stored = (modelName: ModelName, row: Row): Row => Object.fromEntries(Object.entries(row).map(([field, value]) => [field, storable(modelName, field, value)]));
  return Object.fromEntries(MODEL_NAMES.map((modelName) => [modelName, data[modelName].map((row) => stored(modelName, row))])) as unknown as State;
}

/** Phase 3: a reference to a row that is not there. */
function danglingReference(state: State, modelName: ModelName, row: Row): boolean {
  for (const [field, schema] of Object.entries(SCHEMA[modelName].fields)) {
    const value = valueAt(row, field);
    if (!schema.references || value === null) continue;
    const [target, targetField] = schema.references;
    if (!state[target].some((candidate) => compareValues(valueAt(candidate, targetField), value) === 0)) return true;
  }
  return false;
}

/** Phase 3: two rows of the model holding the same value of a Unique field. */
function duplicateUnique(modelName: ModelName, rows: readonly Row[]): boolean {
  for (const [field, schema] of Object.entries(SCHEMA[modelName].fields)) {
    if (!schema.unique) continue;
    const seen = new Set<string>();
    for (const row of rows) {
      const value = valueAt(row, field);
      if (value === null) continue;
      const key = equalityKey(value);
      if (seen.has(key)) return true;
      seen.add(key);
    }
  }
  return false;
}

const keyOf = (modelName: ModelName, row: Row) => SCHEMA[modelName].keys.map((key) => equalityKey(row[key])).join("\u0000");

// ---------------------------------------------------------------------------------------------
// Operations

export interface Step {
  readonly expectation: Expectation;
  /** The rows after the operation. */
  readonly state: State;
  /** The database refused it after running it: in a transaction, later calls fail. */
  readonly failedInDatabase: boolean;
}

const unchanged = (state: State, expectation: Expectation, failedInDatabase = false): Step => ({ expectation, state, failedInDatabase });

/** What a read must give (the state does not change). */
export function expectRead(operation: Extract<Operation, { kind: "all" | "count" | "one" | "iterate" }>, state: State, capabilities: Capabilities): Expectation {
  const { query } = operation;
  if (queryRefusedByCore(query) || queryRefusedByDriver(query, capabilities)) return fails("QueryError");
  const rows = new Evaluation(state).select(query);
  switch (operation.kind) {
    case "count":
      return { kind: "number", value: rows.length };
    case "all":
    case "iterate":
      if (!query.sort) return { kind: "rows", model: query.model, rows, order: "set" };
      return { kind: "rows", model: query.model, rows, order: query.ties ? "sorted" : "exact", sort: fullSort(query) };
    case "one": {
      const [first] = rows;
      if (!first) return fails("NoResultError");
      if (!query.sort) return { kind: "oneOf", model: query.model, rows };
      const compare = comparator(fullSort(query));
      return { kind: "oneOf", model: query.model, rows: rows.filter((row) => compare(row, first) === 0) };
    }
  }
}

/** What a write must give, and the rows after it. */
export function expectWrite(operation: Extract<Operation, { kind: "update" | "delete" | "add" }>, state: State, capabilities: Capabilities): Step {
  switch (operation.kind) {
    case "add":
      return expectAdd(operation.model, operation.rows, state, capabilities);
    case "update":
      return expectUpdate(operation.query, operation.patch, state, capabilities);
    case "delete":
      return expectDelete(operation.query, state, capabilities);
  }
}

function expectAdd(modelName: ModelName, rows: readonly Readonly<Record<string, unknown>>[], state: State, capabilities: Capabilities): Step {
  if (rows.some((row) => valuesRefusedByCore(modelName, row, true))) return unchanged(state, fails("ValidationError"));
  const stored = rows.map((row) => storedRow(modelName, row));
  if (stored.some((row) => valuesRefusedByDriver(modelName, row, capabilities))) return unchanged(state, fails("ValidationError"));
  const keys = new Set(state[modelName].map((row) => keyOf(modelName, row)));
  for (const row of stored) {
    const key = keyOf(modelName, row);
    if (keys.has(key)) return unchanged(state, fails("ConstraintError"), true);
    keys.add(key);
  }
  const after = { ...state, [modelName]: [...state[modelName], ...stored] };
  if (duplicateUnique(modelName, after[modelName]) || (capabilities.foreignKeys && stored.some((row) => danglingReference(after, modelName, row)))) return unchanged(state, fails("ConstraintError"), true);
  return { expectation: { kind: "rows", model: modelName, rows: stored, order: "exact" }, state: after, failedInDatabase: false };
}

function expectUpdate(query: QueryDescription, patch: Readonly<Record<string, unknown>>, state: State, capabilities: Capabilities): Step {
  if (queryRefusedByCore(query)) return unchanged(state, fails("QueryError"));
  if (valuesRefusedByCore(query.model, patch, false)) return unchanged(state, fails("ValidationError"));
  const changes = storedRow(query.model, patch);
  const refusedQuery = queryRefusedByDriver(query, capabilities);
  const refusedPatch = valuesRefusedByDriver(query.model, changes, capabilities);
  if (refusedQuery || refusedPatch) return unchanged(state, fails(...(refusedQuery ? ["QueryError" as const] : []), ...(refusedPatch ? ["ValidationError" as const] : [])));
  const matched = new Set(new Evaluation(state).select(query));
  const updated: Row[] = [];
  const rows = state[query.model].map((row) => {
    if (!matched.has(row)) return row;
    const changed = { ...row, ...changes };
    updated.push(changed);
    return changed;
  });
  const after = { ...state, [query.model]: rows };
  if (updated.length > 0 && (duplicateUnique(query.model, rows) || (capabilities.foreignKeys && updated.some((row) => danglingReference(after, query.model, row))))) return unchanged(state, fails("ConstraintError"), true);
  return { expectation: { kind: "number", value: matched.size }, state: after, failedInDatabase: false };
}

function expectDelete(query: QueryDescription, state: State, capabilities: Capabilities): Step {
  if (queryRefusedByCore(query) || queryRefusedByDriver(query, capabilities)) return unchanged(state, fails("QueryError"));
  const matched = new Set(new Evaluation(state).select(query));
  const after = { ...state, [query.model]: state[query.model].filter((row) => !matched.has(row)) };
  const referring = MODEL_NAMES.filter((model) => Object.values(SCHEMA[model].fields).some((field) => field.references?.[0] === query.model));
  if (capabilities.foreignKeys && referring.some((model) => after[model].some((row) => danglingReference(after, model, row)))) return unchanged(state, fails("ConstraintError"), true);
  return { expectation: { kind: "number", value: matched.size }, state: after, failedInDatabase: false };
}

/**
 * What an operation must give inside a transaction that a failed call has doomed: what the core
 * refuses first is refused as before; anything reaching the driver fails with TransactionError.
 */
export function expectDoomed(operation: Exclude<Operation, { kind: "transaction" }>, state: State, capabilities: Capabilities): Expectation {
  const expectation = operation.kind === "update" || operation.kind === "delete" || operation.kind === "add"
    ? expectWrite(operation, state, capabilities).expectation
    : expectRead(operation, state, capabilities);
  if (expectation.kind !== "error") {
    // Streaming a window of no rows may end before asking the database anything.
    const asksNothing = operation.kind === "iterate" && operation.query.window?.limit === 0 && operation.query.sort !== undefined;
    return asksNothing ? { kind: "anyOf", options: [expectation, fails("TransactionError")] } : fails("TransactionError");
  }
  const coreRefuses = "query" in operation
    ? queryRefusedByCore(operation.query) || (operation.kind === "update" && valuesRefusedByCore(operation.query.model, operation.patch, false))
    : operation.kind === "add" && operation.rows.some((row) => valuesRefusedByCore(operation.model, row, true));
  if (coreRefuses) return expectation;
  // Refused by the driver or the database: the driver may say either (its check order is its own).
  return fails(...expectation.errors.filter((error) => error !== "ConstraintError" && error !== "NoResultError"), "TransactionError");
}

/** Rows of every model, keyed, for comparing states. */
export function stateKey(modelName: ModelName, row: Row): string {
  return keyOf(modelName, row);
}
