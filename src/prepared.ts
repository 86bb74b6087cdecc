import { asOmmiError, NoResultError, QueryError } from "./errors.js";
import type { DriverSession, PreparedOperations, StoredRow } from "./driver.js";
import { isScalar, type ScalarType } from "./model/field.js";
import { describe } from "./model/describe.js";
import { SCALAR_CHECKS } from "./model/storable.js";
import type { Query } from "./builder/query.js";
import { checkComparisonValue } from "./query/check-value.js";
import { query, type ComparisonOperator, type ConditionNode, type QueryNode } from "./query/nodes/index.js";
import { isPlaceholder, type Placeholder } from "./query/nodes/placeholder.js";
import { prepareQuery, type PlaceholderUse, type PreparedQuery } from "./query/prepare.js";
import { AsyncResult, type ResultOrigin } from "./result.js";
import { quote } from "./util/quote.js";
import { validatePatch } from "./validate.js";

// A prepared find (`find(...).prepare()`): a query built, walked and checked once, run many times
// with new values for its placeholders. Per call: the values are checked (as values written in
// the query would be) and bound, and the driver's prepared operations (DriverSession.prepare)
// run its statement; no query is built, no shape key spelled, no statement looked up.

/** The values of a prepared query's placeholders, by name. */
export type PlaceholderValues = Record<string, unknown>;

/** The arguments of a prepared query's calls: its values, which may be left out when it needs none. */
export type ValuesArgument<P> = Record<never, never> extends P ? [values?: P] : [values: P];

/** What a prepared find takes from the `Find` it was made from (find.ts hands it over). */
export interface FindParts<R> {
  readonly node: QueryNode;
  /** The session its operations run on, asked for at every call (as the find's operations ask). */
  session(): DriverSession;
  /** A prepared query as the find would run it: its projection (select/omit) and its timeout, checked. */
  finish(prepared: PreparedQuery): PreparedQuery;
  /** Stored rows as the find gives them: hydrated, with relations, includes loaded, selection applied. */
  rows(stored: StoredRow[]): R[] | Promise<R[]>;
  origin(operation: string): ResultOrigin;
  /** The same find on another database or transaction. */
  on(target: FindTarget): FindParts<R>;
}

/** Where a prepared find can run: a database (`Ommi`) or a transaction (`Transaction`), whose `find` it uses. */
export interface FindTarget {
  find(first: Query<unknown>): unknown;
}

/**
 * A query built once and run many times with new values: `db.find(User.id.eq(placeholder("id"))).prepare<{ id: number }>()`,
 * then `await byId.one({ id: 5 })`. Each call checks its values exactly as values written in the
 * query are checked (a QueryError names the model, the field and the placeholder, before
 * anything runs), as it checks that every placeholder has a value and nothing else is given.
 * It runs where the find it was made from runs (a database, or a transaction); `on(tx)` runs the
 * same query in a transaction. Its operations are the find's, and give what they give.
 */
export class PreparedFind<R, P extends object = PlaceholderValues, Patch = Partial<R>> {
  readonly #parts: FindParts<R>;
  readonly #shape: Shape;
  readonly #origins: Readonly<Record<"one" | "all" | "count" | "update" | "delete", ResultOrigin>>;
  /** The first row of a fetch (`one()`), made once: no closure per call. */
  readonly #first = (stored: StoredRow[]): R | Promise<R> => {
    if (!stored[0]) throw new NoResultError(`No ${this.#shape.model} matches the query`);
    const found = this.#parts.rows(stored.length === 1 ? stored : stored.slice(0, 1));
    return Array.isArray(found) ? (found[0] as R) : found.then((loaded) => loaded[0] as R);
  };
  readonly #rows = (stored: StoredRow[]): R[] | Promise<R[]> => this.#parts.rows(stored);

  /** For find.ts: `shape` is shared by the same query on another session (`on`). */
  constructor(parts: FindParts<R>, shape?: Shape) {
    this.#parts = parts;
    this.#shape = shape ?? new Shape(parts);
    this.#origins = {
      one: parts.origin("prepared.one"),
      all: parts.origin("prepared.all"),
      count: parts.origin("prepared.count"),
      update: parts.origin("prepared.update"),
      delete: parts.origin("prepared.delete"),
    };
  }

  /** The names of its placeholders, in the order the query first uses them. */
  get placeholders(): readonly string[] {
    return this.#shape.names;
  }

  /** The same query, run in `target` (a transaction, or a database) instead of where it was made. */
  on(target: FindTarget): PreparedFind<R, P, Patch> {
    return new PreparedFind<R, P, Patch>(this.#parts.on(target), this.#shape);
  }

  // Each operation is declared with the values it takes (left out when the query has no
  // placeholders), and written with one optional parameter: no array of arguments per call.

  /** The first matching row (in sort order); fails with `NoResultError` when nothing matches. */
  one(...values: ValuesArgument<P>): AsyncResult<R>;
  one(values?: P): AsyncResult<R> {
    let operation: Promise<R>;
    try {
      const stored = this.#call(values, ONE, FETCH);
      if (!(stored instanceof Promise)) return this.#known(this.#first(stored), this.#origins.one);
      operation = stored.then(this.#first);
    } catch (error) {
      operation = Promise.reject(asOmmiError(error));
    }
    return new AsyncResult(operation, this.#origins.one);
  }

  /** Every matching row. */
  all(...values: ValuesArgument<P>): AsyncResult<R[]>;
  all(values?: P): AsyncResult<R[]> {
    let operation: Promise<R[]>;
    try {
      const stored = this.#call(values, MANY, FETCH);
      if (!(stored instanceof Promise)) return this.#known(this.#rows(stored), this.#origins.all);
      operation = stored.then(this.#rows);
    } catch (error) {
      operation = Promise.reject(asOmmiError(error));
    }
    return new AsyncResult(operation, this.#origins.all);
  }

  /** How many rows match (within the limit and offset, when the query has them). */
  count(...values: ValuesArgument<P>): AsyncResult<number>;
  count(values?: P): AsyncResult<number> {
    return new AsyncResult(this.#started(values, COUNT), this.#origins.count);
  }

  /** Sets the given fields on every matching row; the value is the number of rows changed. */
  update(values: P, patch: Patch): AsyncResult<number> {
    return new AsyncResult(async () => {
      const template = this.#shape.template(values as PlaceholderValues | undefined, MANY);
      const bound = template.bind((values ?? NO_VALUES) as PlaceholderValues);
      const validated = await validatePatch(this.#parts.node.model, patch);
      const session = this.#parts.session();
      const operations = template.operationsOn(session);
      return operations ? operations.update(bound, validated) : session.update(template.with(bound), validated);
    }, this.#origins.update);
  }

  /** Deletes every matching row; the value is the number of rows deleted. */
  delete(...values: ValuesArgument<P>): AsyncResult<number>;
  delete(values?: P): AsyncResult<number> {
    return new AsyncResult(this.#started(values, DELETE), this.#origins.delete);
  }

  /** The result of a call whose rows the driver gave at once (SQLite): no promise unless they still load includes. */
  #known<T>(value: T | Promise<T>, origin: ResultOrigin): AsyncResult<T> {
    return value instanceof Promise ? new AsyncResult(value, origin) : AsyncResult.of(value, origin);
  }

  /** One call of `operation`: the values checked and bound, then run by the driver's prepared operations or, without them, its plain ones. */
  #call<T>(values: P | undefined, kind: Kind, operation: Operation<T>): T | Promise<T> {
    const template = this.#shape.template(values as PlaceholderValues | undefined, kind);
    const bound = template.bind((values ?? NO_VALUES) as PlaceholderValues);
    const session = this.#parts.session();
    const operations = template.operationsOn(session);
    return operations ? operation.prepared(operations, bound) : operation.plain(session, template.with(bound));
  }

  /** `#call`'s promise; what it throws at once (a value refused) fails the result as a rejection does. */
  #started<T>(values: P | undefined, operation: Operation<T>): Promise<T> {
    try {
      const result = this.#call(values, MANY, operation);
      return result instanceof Promise ? result : Promise.resolve(result);
    } catch (error) {
      return Promise.reject(asOmmiError(error));
    }
  }
}

/** An operation as the driver's prepared operations run it, and as its plain ones do. Module constants: no closure per call. */
interface Operation<T> {
  prepared(operations: PreparedOperations, bound: unknown[]): T | Promise<T>;
  plain(session: DriverSession, query: PreparedQuery): Promise<T>;
}

const FETCH: Operation<StoredRow[]> = { prepared: (operations, bound) => operations.fetch(bound), plain: (session, query) => session.fetch(query) };
const COUNT: Operation<number> = { prepared: (operations, bound) => operations.count(bound), plain: (session, query) => session.count(query) };
const DELETE: Operation<number> = { prepared: (operations, bound) => operations.delete(bound), plain: (session, query) => session.delete(query) };

/** `one()` reads at most one row; the other operations the whole window. */
type Kind = typeof ONE | typeof MANY;
const ONE = 0;
const MANY = 1;

/**
 * The query of a prepared find: its placeholders, and its templates (the prepared query for the
 * driver, one per kind of call and, for a placeholder limit or offset, per kind of window),
 * each made on first use, so that a query that cannot run fails its calls as a find's would.
 */
class Shape {
  readonly model: string;
  readonly names: readonly string[];
  readonly #parts: FindParts<unknown>;
  readonly #limit: Placeholder | undefined;
  readonly #offset: Placeholder | undefined;
  /** The template of each kind, for a query whose window is fixed (the common case). */
  readonly #fixed: (Template | undefined)[] = [undefined, undefined];
  /** Templates by kind and kind of window (see #windowedTemplate), for a placeholder limit or offset. */
  readonly #windowed = new Map<string, Template>();

  constructor(parts: FindParts<unknown>) {
    const { node } = parts;
    this.#parts = parts;
    this.model = node.model.name;
    this.#limit = isPlaceholder(node.limit) ? node.limit : undefined;
    this.#offset = isPlaceholder(node.offset) ? node.offset : undefined;
    const names = new Set<string>();
    if (node.where) collectNames(node.where, names);
    if (this.#limit) names.add(this.#limit.name);
    if (this.#offset) names.add(this.#offset.name);
    this.names = Object.freeze([...names]);
  }

  /**
   * The template for a call of `kind` with `given` values, once they are an object of as many
   * names as it has placeholders (Template.bind finds one without a value, and so one misspelt).
   */
  template(given: PlaceholderValues | undefined, kind: Kind): Template {
    if (given === undefined ? this.names.length > 0 : !isValuesObject(given) || countNames(given) !== this.names.length) throw this.namesProblem(given);
    if (!this.#limit && !this.#offset) return (this.#fixed[kind] ??= this.#template(kind, this.#parts.node));
    return this.#windowedTemplate(given as PlaceholderValues, kind);
  }

  /**
   * A placeholder limit or offset: `one()` reads at most one row (the smaller of 1 and the limit),
   * and the statement differs for a limit of 1 (read as the first row) and for an offset of 0
   * (none). One template per such kind of window; each call binds its own limit and offset.
   */
  #windowedTemplate(values: PlaceholderValues, kind: Kind): Template {
    const [limit, offset] = this.#window(values, kind);
    const key = `${kind}${limit === undefined ? "u" : limit === 1 ? "1" : "n"}${offset > 0 ? "o" : "z"}`;
    let template = this.#windowed.get(key);
    if (!template) {
      const { node } = this.#parts;
      template = this.#template(MANY, query(node.model, { where: node.where, sort: node.sort, limit, offset }), (given) => this.#window(given, kind));
      this.#windowed.set(key, template);
    }
    return template;
  }

  /** A call's limit (for `one()`, at most 1) and offset, where either is a placeholder. */
  #window(values: PlaceholderValues, kind: Kind): [number | undefined, number] {
    const { node } = this.#parts;
    const limit = this.#limit ? this.#windowValue(values, this.#limit, "limit") : (node.limit as number | undefined);
    const offset = this.#offset ? this.#windowValue(values, this.#offset, "offset") : (node.offset as number);
    return [kind === ONE ? Math.min(limit ?? 1, 1) : limit, offset];
  }

  #windowValue(values: PlaceholderValues, placeholder: Placeholder, what: "limit" | "offset"): number {
    const value = values[placeholder.name];
    if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
    if (value === undefined) throw this.namesProblem(values);
    throw new QueryError(`${this.model} prepared query: placeholder ${quote(placeholder.name)} (the ${what}) must be a non-negative integer, got ${describe(value)}`);
  }

  #template(kind: Kind, node: QueryNode, window?: Window): Template {
    const uses: PlaceholderUse[] = [];
    const prepared = this.#parts.finish(prepareQuery(node, kind === ONE ? 1 : undefined, uses));
    return new Template(this, prepared, uses, window);
  }

  /** What is wrong with the names given: placeholders without a value, names that are no placeholder. */
  namesProblem(given: unknown): QueryError {
    const { names } = this;
    const list = (items: readonly string[]) => items.map((name) => quote(name)).join(", ");
    const ours = `(its placeholders: ${list(names) || "none"})`;
    if (!isValuesObject(given)) return new QueryError(`${this.model} prepared query: its values are an object of placeholder names ${ours}, got ${describe(given)}`);
    const missing = names.filter((name) => given[name] === undefined);
    const unknown: string[] = [];
    for (const name in given) if (!names.includes(name)) unknown.push(name);
    const problems = [
      ...(missing.length ? [`no value for ${missing.length === 1 ? "placeholder" : "placeholders"} ${list(missing)}`] : []),
      ...(unknown.length ? [`${list(unknown)} ${unknown.length === 1 ? "is not one" : "are not"} of its placeholders`] : []),
    ];
    return new QueryError(`${this.model} prepared query: ${problems.join("; ")} ${ours}`);
  }
}

/** A call's limit and offset, for a template whose window has placeholders. */
type Window = (values: PlaceholderValues) => [number | undefined, number];

function isValuesObject(given: unknown): given is PlaceholderValues {
  return typeof given === "object" && given !== null && !Array.isArray(given);
}

/** How many names an object of values has (inherited ones too: a name is read however it is there). */
function countNames(given: PlaceholderValues): number {
  let count = 0;
  for (const _name in given) count++;
  return count;
}

const NO_VALUES: PlaceholderValues = Object.freeze({});

/** The names of the placeholders in a condition, in order of first use. */
function collectNames(node: ConditionNode, names: Set<string>): void {
  switch (node.kind) {
    case "comparison":
      if (isPlaceholder(node.value)) names.add(node.value.name);
      return;
    case "and":
    case "or":
      for (const item of node.items) collectNames(item, names);
      return;
    case "not":
    case "related":
      return collectNames(node.item, names);
    case "some":
      return collectNames(node.where, names);
  }
}

/**
 * One prepared query for the driver, with a slot per placeholder use; each call's values are
 * its constants with every slot filled. Where the driver prepares queries, its operations for
 * this one are made once per session.
 */
class Template {
  readonly #shape: Shape;
  readonly #slots: readonly Slot[];
  readonly #window: Window | undefined;
  #lastSession: DriverSession | undefined;
  #lastOperations: PreparedOperations | undefined;
  readonly #operations = new WeakMap<DriverSession, PreparedOperations | undefined>();

  constructor(
    shape: Shape,
    readonly query: PreparedQuery,
    uses: readonly PlaceholderUse[],
    window: Window | undefined,
  ) {
    this.#shape = shape;
    this.#slots = uses.map((use) => new Slot(shape.model, use));
    this.#window = window;
  }

  /** A call's values: the query's own, with each placeholder's checked value in its place. */
  bind(values: PlaceholderValues): unknown[] {
    const bound = this.query.values.slice();
    const slots = this.#slots;
    for (let index = 0; index < slots.length; index++) {
      const slot = slots[index] as Slot;
      const value = values[slot.name];
      if (value === undefined) throw this.#shape.namesProblem(values);
      bound[slot.index] = slot.value(value);
    }
    if (this.#window) {
      const [limit, offset] = this.#window(values);
      if (this.query.limit) bound[this.query.limit.index] = limit;
      if (this.query.offset) bound[this.query.offset.index] = offset;
    }
    return bound;
  }

  /** The driver's prepared operations for this query on `session`, or undefined where it prepares none. */
  operationsOn(session: DriverSession): PreparedOperations | undefined {
    if (session === this.#lastSession) return this.#lastOperations;
    let operations = this.#operations.get(session);
    if (operations === undefined && !this.#operations.has(session)) {
      operations = session.prepare?.(this.query);
      this.#operations.set(session, operations);
    }
    this.#lastSession = session;
    this.#lastOperations = operations;
    return operations;
  }

  /** The query with a call's values, for a driver that prepares none. */
  with(bound: unknown[]): PreparedQuery {
    if (!this.#window) return { ...this.query, values: bound };
    // The node says the call's own window (its kind, which the template keeps, is the same).
    const { limit, offset } = this.query;
    const node = { ...this.query.node, limit: limit && (bound[limit.index] as number), offset: offset ? (bound[offset.index] as number) : 0 };
    return { ...this.query, node, values: bound };
  }
}

/** Operators whose value is one scalar, checked fast where it plainly fits (see Slot). */
const SCALAR_OPERATORS: ReadonlySet<ComparisonOperator> = new Set(["eq", "ne", "gt", "gte", "lt", "lte"]);

/** One place a placeholder stands: its value checked as a value written there would be, then bound. */
class Slot {
  readonly name: string;
  readonly index: number;
  readonly #use: PlaceholderUse;
  readonly #model: string;
  /** For a one-scalar operator on a scalar field: whether a value is of the field's type (null is of none). */
  readonly #isOfType: ((value: unknown) => boolean) | undefined;
  /** Whether the value is a list, copied when bound: the caller may change it before the statement runs. */
  readonly #list: boolean;

  constructor(model: string, use: PlaceholderUse) {
    const { field, operator, path } = use.comparison;
    const type = path?.type ?? field;
    this.name = use.placeholder.name;
    this.index = use.index;
    this.#use = use;
    this.#model = model;
    this.#list = operator === "in" || operator === "notIn" || operator === "hasAny" || operator === "hasAll";
    if (SCALAR_OPERATORS.has(operator) && isScalar(type)) this.#isOfType = SCALAR_CHECKS[type.type as ScalarType];
  }

  /** The value to bind, once it is one checkComparisonValue takes (the first test is its own fast path, valueProblem's). */
  value(value: unknown): unknown {
    if (this.#isOfType?.(value) && (typeof value !== "string" || value.isWellFormed())) return value;
    const { field, operator, path } = this.#use.comparison;
    try {
      checkComparisonValue(field, operator, value, path);
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      throw new QueryError(`${this.#model} prepared query, placeholder ${quote(this.name)}: ${error.message}`, { cause: error });
    }
    return this.#list ? (value as unknown[]).slice() : value;
  }
}
