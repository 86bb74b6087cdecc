import { QueryError } from "../errors.js";
import type { ModelMeta } from "../model/meta.js";
import { pathBetween } from "../model/paths.js";
import { SCALAR_TYPES, type FieldType } from "../model/field.js";
import { checkComparisonValue } from "./check-value.js";
import { and, or, not, pathKey, related, some, targetName, type ComparisonNode, type ConditionNode, type QueryNode, type SomeNode } from "./nodes/index.js";

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
}

/** Prepares `node`; `limitOverride`, when given, caps the node's own limit (as `one()` does with 1). */
export function prepareQuery(node: QueryNode, limitOverride?: number): PreparedQuery {
  const preparation = new Preparation(node.model);
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
  const limitCount = limitOverride === undefined || (node.limit !== undefined && node.limit < limitOverride) ? node.limit : limitOverride;
  const limit = limitCount === undefined ? undefined : preparation.param(limitCount, "L");
  const offset = node.offset > 0 ? preparation.param(node.offset, "O") : undefined;
  const prepared: QueryNode = { kind: "query", model: node.model, where, sort: node.sort, limit: limitCount, offset: node.offset };
  return { node: prepared, key: preparation.key, values: preparation.values, limit, offset };
}

function isSortable(type: FieldType): boolean {
  return (SCALAR_TYPES as readonly string[]).includes(type);
}

/** One walk over a query: checks values, moves them into `values`, and spells the shape into `key`. */
class Preparation {
  readonly values: unknown[] = [];
  key: string;

  constructor(readonly model: ModelMeta) {
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
    checkComparisonValue(field, operator, value, path);
    // A list (in, notIn) is one value, bound as one parameter: its length is no part of the shape.
    const shape = `(${field.index}${pathKey(path)}${operator})`;
    const bound = this.#value(value);
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

  #value(value: unknown): unknown {
    if (value === undefined) return undefined;
    // A copy: the caller's array may change before the statement runs.
    return Param.at(this.values.push(Array.isArray(value) ? value.slice() : value) - 1);
  }
}
