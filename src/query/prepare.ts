import { QueryError } from "../errors.js";
import type { FieldMeta, ModelMeta } from "../model/meta.js";
import { pathBetween } from "../model/paths.js";
import { SCALAR_TYPES, type FieldType } from "../model/field.js";
import { checkComparisonValue } from "./check-value.js";
import { and, or, not, pathKey, related, some, targetName, type ComparisonNode, type ConditionNode, type QueryNode, type SomeNode } from "./nodes/index.js";
import { isPlaceholder, type Placeholder } from "./nodes/placeholder.js";

/** Stands for `values[index]` in a prepared query, so that compiled statements never hold values. */
export class Param {
  constructor(readonly index: number) {
    Object.freeze(this);
  }

  static readonly #shared: Param[] = [];

  /** The parameter for `values[index]`: one shared, frozen object per index. */
  static at(index: number): Param {
    return (Param.#shared[index] ??= new Param(index));
  }
}

/**
 * A query ready for a driver: conditions on other models resolved into `related` nodes, every
 * value checked and replaced by a `Param`, and a `key` that is the same for every query of the
 * same shape, so drivers can compile a shape once and reuse it with new values. The list of an
 * `in` or `notIn` is one value (an array), whatever its length.
 */
export interface PreparedQuery {
  readonly node: QueryNode;
  readonly key: string;
  readonly values: readonly unknown[];
  readonly limit: Param | undefined;
  readonly offset: Param | undefined;
  /** Milliseconds the statement may run (`find(...).timeout(ms)`); absent when unlimited. */ readonly timeout?: number;
  /**
   * The fields a fetch reads, in model order (`select`/`omit`, see projection.ts); absent when it
   * reads every field. The same array for the same fields, so drivers may key caches by it; the
   * shape `key` includes it. Rows fetched have only these properties. Count, update and delete
   * ignore it.
   */
  readonly fields?: readonly FieldMeta[];
}

/**
 * Where a placeholder stands in a prepared query (`find(...).prepare()`, see src/prepared.ts):
 * its value goes to `values[index]`, checked as a value written in `comparison` would be.
 */
export interface PlaceholderUse {
  readonly placeholder: Placeholder;
  readonly index: number;
  /** The comparison whose value it is (with the placeholder as its value). */
  readonly comparison: ComparisonNode;
}

/**
 * Prepares `node`; `limitOverride`, when given, caps the node's own limit (as `one()` does with 1).
 * Placeholders in conditions are collected into `placeholders` (their values left undefined), and
 * are a QueryError without it; a placeholder limit or offset is resolved before this (prepared.ts).
 */
export function prepareQuery(node: QueryNode, limitOverride?: number, placeholders?: PlaceholderUse[]): PreparedQuery {
  const { limit: ownLimit, offset: ownOffset } = windowOf(node);
  const preparation = new Preparation(node.model, placeholders);
  const where = node.where ? preparation.condition(node.where) : undefined;
  preparation.key += "|";
  for (const entry of node.sort) {
    if (entry.field.model !== node.model) {
      throw new QueryError(`${node.model.name} rows cannot be sorted by ${entry.field.model.name}.${entry.field.name}, a field of another model`);
    }
    if (entry.path?.element || !isSortable((entry.path?.type ?? entry.field).type)) {
      throw new QueryError(`${node.model.name} rows cannot be sorted by ${targetName(entry.field, entry.path)}: sort by a string, number, boolean, date or bigint`);
    }
    preparation.key += `${entry.field.index}${pathKey(entry.path)}${entry.direction === "asc" ? "a" : "d"}`;
  }
  // `one()` reads at most one row, never more than the query's own limit (which may be 0).
  const limitCount = limitOverride === undefined || (ownLimit !== undefined && ownLimit < limitOverride) ? ownLimit : limitOverride;
  const limit = limitCount === undefined ? undefined : preparation.param(limitCount, "L");
  const offset = ownOffset > 0 ? preparation.param(ownOffset, "O") : undefined;
  const prepared: QueryNode = { kind: "query", model: node.model, where, sort: node.sort, limit: limitCount, offset: ownOffset };
  return { node: prepared, key: preparation.key, values: preparation.values, limit, offset };
}

/** The query's limit and offset, which are numbers outside a query being prepared (a placeholder there is a QueryError). */
export function windowOf(node: QueryNode): { readonly limit: number | undefined; readonly offset: number } {
  const { limit, offset } = node;
  if (isPlaceholder(limit)) throw unprepared(`${node.model.name} query: the limit`, limit);
  if (isPlaceholder(offset)) throw unprepared(`${node.model.name} query: the offset`, offset);
  return { limit, offset };
}

/** A placeholder met where no value can be given for it: outside a prepared query. */
function unprepared(where: string, placeholder: Placeholder): QueryError {
  return new QueryError(`${where} is ${String(placeholder)}, which has no value here: a query with placeholders runs as a prepared query, find(...).prepare(), whose calls give their values`);
}

function isSortable(type: FieldType): boolean {
  return (SCALAR_TYPES as readonly string[]).includes(type);
}

/** One walk over a query: checks values, moves them into `values`, and spells the shape into `key`. */
class Preparation {
  readonly values: unknown[] = [];
  key: string;

  constructor(
    readonly model: ModelMeta,
    /** Where placeholders are collected, in a query being prepared; they are refused without it. */
    readonly placeholders?: PlaceholderUse[],
  ) {
    this.key = String(model.id);
  }

  param(value: unknown, mark: string): Param {
    this.key += mark;
    return Param.at(this.values.push(value) - 1);
  }

  condition(node: ConditionNode): ConditionNode {
    switch (node.kind) {
      case "comparison":
        return this.#comparison(node);
      case "and":
      case "or": {
        this.key += node.kind === "and" ? "&[" : "|[";
        const items = node.items.map((item) => this.condition(item));
        this.key += "]";
        return node.kind === "and" ? and(items) : or(items);
      }
      case "not":
        this.key += "!";
        return not(this.condition(node.item));
      case "some":
        return this.#some(node);
      case "related":
        throw new QueryError("related nodes are built by prepareQuery, not given to it");
    }
  }

  #some(node: SomeNode): ConditionNode {
    const { field, path } = node;
    const type = path?.type ?? field;
    if (type.type !== "array") throw new QueryError(`${targetName(field, path)}.some() needs an array field, but it is ${type.type}`);
    const shape = `${field.index}${pathKey(path)}S[`;
    // Inside another some(...), the array is in the item: the model is the enclosing one's.
    const outside = field.model !== this.model && !path?.element;
    this.key += outside ? `R${field.model.id}(${shape}` : shape;
    const where = this.condition(node.where);
    this.key += outside ? "])" : "]";
    const prepared = some(field, path, where);
    return outside ? related(pathBetween(this.model, field.model), prepared) : prepared;
  }

  #comparison(node: ComparisonNode): ConditionNode {
    const { field, operator, value, path } = node;
    // A placeholder's value is checked when it is given (prepared.ts), exactly as this checks one written here.
    const bound = isPlaceholder(value) ? this.#placeholder(node, value) : (checkComparisonValue(field, operator, value, path), this.#value(value));
    // A list (in, notIn) is one value, bound as one parameter: its length is no part of the shape.
    const shape = `(${field.index}${pathKey(path)}${operator})`;
    const prepared: ComparisonNode = path ? { kind: "comparison", field, operator, value: bound, path } : { kind: "comparison", field, operator, value: bound };
    // Inside some(...), a condition is about the item: the model is the enclosing one's.
    if (field.model === this.model || path?.element) {
      this.key += shape;
      return prepared;
    }
    // A condition on another model: rows of this one related to a matching row of that one.
    this.key += `R${field.model.id}${shape}`;
    return related(pathBetween(this.model, field.model), prepared);
  }

  #placeholder(node: ComparisonNode, placeholder: Placeholder): Param {
    if (!this.placeholders) throw unprepared(`${targetName(node.field, node.path)}.${node.operator}() compares with a value that`, placeholder);
    const index = this.values.push(undefined) - 1;
    this.placeholders.push({ placeholder, index, comparison: node });
    return Param.at(index);
  }

  #value(value: unknown): unknown {
    if (value === undefined) return undefined;
    // A copy: the caller's array may change before the statement runs.
    return Param.at(this.values.push(Array.isArray(value) ? value.slice() : value) - 1);
  }
}
