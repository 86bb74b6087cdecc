import { QueryError } from "../errors.js";
import type { ModelMeta } from "../model/meta.js";
import { metaOf } from "../model/brands.js";
import { hopEnds, type Hop } from "../model/paths.js";
import { and, not as notNode, or, query, type ConditionNode, type QueryNode } from "../query/nodes/index.js";
import { isPlaceholder, type Placeholder } from "../query/nodes/placeholder.js";
import { Condition } from "./condition.js";
import { isHandle, type ModelHandle } from "./handle.js";
import type { Sort } from "./sort.js";

declare const ROW: unique symbol;

/** Anything that can stand where a condition is expected. */
export type Conditional<R = unknown> = Condition<R> | Query<R>;

/**
 * An immutable query on the rows of model `R`: every method returns a new query.
 * It may be used as a condition too (its `where` part), e.g. inside `not(...)` or `.or(...)`.
 */
export class Query<R> {
  declare readonly [ROW]?: R;
  readonly node: QueryNode;

  constructor(node: QueryNode) {
    this.node = node;
    Object.freeze(this);
  }

  /** Rows that also match every condition given. */
  and(...conditions: Conditional[]): Query<R> {
    const added = conditionNodes(conditions);
    // Queries without conditions add none: they match every row.
    if (added.length === 0) return this;
    return this.#with({ where: and(this.node.where ? [this.node.where, ...added] : added) });
  }

  /** Rows that match this query's conditions, or all of the conditions given. */
  or(...conditions: Conditional[]): Query<R> {
    if (conditions.length === 0) return this;
    // A query without conditions matches every row; or-ing more onto it changes nothing.
    if (!this.node.where) return this;
    const added = conditionNodes(conditions);
    // Only queries without conditions given: the alternative matches every row, and so does the whole.
    return this.#with({ where: added.length ? or([this.node.where, and(added)]) : undefined });
  }

  /** Sorted by these fields, after any sort already given. Nulls first ascending, last descending. */
  sort(...sorts: Sort<R>[]): Query<R> {
    return this.#with({ sort: [...this.node.sort, ...sorts.map((entry) => entry.node)] });
  }

  /**
   * At most `count` rows, skipping the first `offset` (after sorting). Either may be a
   * `placeholder()`, whose value (a non-negative integer) each call of the prepared query gives.
   */
  limit(count: number | Placeholder, offset: number | Placeholder = 0): Query<R> {
    checkWindow("limit", count);
    checkWindow("offset", offset);
    return this.#with({ limit: count, offset });
  }

  #with(parts: Partial<Pick<QueryNode, "where" | "sort" | "limit" | "offset">>): Query<R> {
    return new Query<R>(query(this.node.model, { ...this.node, ...parts }));
  }
}

function checkWindow(what: string, value: number | Placeholder): void {
  if (isPlaceholder(value)) return;
  if (!Number.isSafeInteger(value) || value < 0) throw new QueryError(`${what} must be a non-negative integer, got ${String(value)}`);
}

/**
 * A query on the first model named: `when(User)` is every user; `when(User.age.gte(18), ...)`
 * ANDs its conditions; `when(Book, Author.name.eq("X"))` returns the books whose author matches.
 */
export function when<R>(first: ModelHandle<R, unknown> | Conditional<R>, ...rest: Conditional[]): Query<R> {
  // The common case, one condition, without the intermediate queries of the general path.
  if (rest.length === 0 && first instanceof Condition) return new Query<R>(query(firstModel(first.node), { where: first.node }));
  const start = first instanceof Query ? (first) : new Query<R>(query(modelOfFirst(first)));
  const conditions = first instanceof Query || isHandle(first) ? rest : [first, ...rest];
  return start.and(...conditions);
}

/** Matches exactly the rows that `condition` does not match, rows with nulls included. */
export function not<R>(condition: Conditional<R>): Condition<R> {
  const [node] = conditionNodes([condition]);
  if (!node) throw new QueryError("not() of a query without conditions would match nothing; use a condition");
  return new Condition<R>(notNode(node));
}

/** The query for `db.find(...)`'s arguments, which take the same forms as `when`. */
export function toQueryNode(first: ModelHandle<unknown, unknown> | Conditional, rest: readonly Conditional[]): QueryNode {
  return when(first, ...rest).node;
}

function conditionNodes(conditions: readonly Conditional[]): ConditionNode[] {
  // A plain loop: this runs for every query built, and flatMap's arrays and closures show up there.
  const nodes: ConditionNode[] = [];
  for (const item of conditions) {
    if (item instanceof Condition) nodes.push(item.node);
    else if (item instanceof Query) {
      const node: QueryNode = item.node;
      if (node.sort.length > 0 || node.limit !== undefined || node.offset !== 0) {
        throw new QueryError(`A query used as a condition cannot sort or limit (on ${node.model.name})`);
      }
      if (node.where) nodes.push(node.where);
    } else throw new QueryError(`Expected a condition such as User.age.gte(18), got ${describe(item)}`);
  }
  return nodes;
}

function modelOfFirst(first: unknown): ModelMeta {
  if (isHandle(first)) return metaOf(first);
  if (first instanceof Query) return (first.node).model;
  if (first instanceof Condition) return firstModel(first.node);
  throw new QueryError(`when() and find() take a model, a condition or a query first, got ${describe(first)}`);
}

/** The model of the first field a condition names, reading left to right. */
function firstModel(node: ConditionNode): ModelMeta {
  switch (node.kind) {
    case "comparison":
    case "some":
      return node.field.model;
    case "not":
      return firstModel(node.item);
    case "related":
      return hopEnds(node.path[0] as Hop).from;
    case "and":
    case "or":
      return firstModel(node.items[0] as ConditionNode);
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === "object" ? (value.constructor?.name ?? "an object") : typeof value;
}
