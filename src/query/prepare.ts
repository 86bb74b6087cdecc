import { QueryError } from "../errors.js";
import type { ModelMeta } from "../model/meta.js";
import { pathBetween } from "../relations/paths.js";
import { checkComparisonValue } from "./check-value.js";
import { and, or, not, related, type ConditionNode, type QueryNode } from "./nodes/index.js";

/** Stands for `values[index]` in a prepared query, so that compiled statements never hold values. */
export class Param {
  constructor(readonly index: number) {
    Object.freeze(this);
  }
}

/**
 * A query ready for a driver: conditions on other models resolved into `related` nodes, every
 * value checked and replaced by a `Param`, and a `key` that is the same for every query of the
 * same shape, so drivers can compile a shape once and reuse it with new values.
 */
export interface PreparedQuery {
  readonly node: QueryNode;
  readonly key: string;
  readonly values: readonly unknown[];
  readonly limit: Param | undefined;
  readonly offset: Param | undefined;
}

export function prepareQuery(node: QueryNode): PreparedQuery {
  const values: unknown[] = [];
  const key: string[] = [String(node.model.id)];
  const where = node.where ? prepareCondition(node.model, node.where, values, key) : undefined;
  key.push("|");
  for (const entry of node.sort) {
    if (entry.field.model !== node.model) {
      throw new QueryError(`${node.model.name} rows cannot be sorted by ${entry.field.model.name}.${entry.field.name}, a field of another model`);
    }
    key.push(String(entry.field.index), entry.direction === "asc" ? "a" : "d");
  }
  const limit = node.limit === undefined ? undefined : param(values, node.limit, key, "L");
  const offset = node.offset > 0 ? param(values, node.offset, key, "O") : undefined;
  return { node: { ...node, where }, key: key.join(""), values, limit, offset };
}

function param(values: unknown[], value: unknown, key: string[], mark: string): Param {
  key.push(mark);
  return new Param(values.push(value) - 1);
}

function prepareCondition(model: ModelMeta, node: ConditionNode, values: unknown[], key: string[]): ConditionNode {
  switch (node.kind) {
    case "comparison": {
      const { field, operator, value } = node;
      checkComparisonValue(field, operator, value);
      const prepared = { ...node, value: prepareValue(value, values) };
      if (field.model === model) {
        key.push(`(${field.index}${operator}${Array.isArray(value) ? `#${value.length}` : ""})`);
        return prepared;
      }
      const path = pathBetween(model, field.model);
      key.push(`R${field.model.id}(${field.index}${operator}${Array.isArray(value) ? `#${value.length}` : ""})`);
      return related(path, prepared);
    }
    case "and":
    case "or": {
      key.push(node.kind === "and" ? "&[" : "|[");
      const items = node.items.map((item) => prepareCondition(model, item, values, key));
      key.push("]");
      return node.kind === "and" ? and(items) : or(items);
    }
    case "not": {
      key.push("!");
      return not(prepareCondition(model, node.item, values, key));
    }
    case "related":
      throw new QueryError("related nodes are built by prepareQuery, not given to it");
  }
}

function prepareValue(value: unknown, values: unknown[]): unknown {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return Object.freeze(value.map((item) => new Param(values.push(item) - 1)));
  return new Param(values.push(value) - 1);
}
