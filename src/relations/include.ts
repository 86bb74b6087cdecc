import { QueryError } from "../errors.js";
import { describe } from "../model/describe.js";
import type { ModelMeta } from "../model/meta.js";
import { isPlainObject } from "../model/value-check.js";
import { quote } from "../util/quote.js";
import { loadRelation, type LoadContext } from "./load.js";
import { relationsOf, type Relation } from "./relation.js";

/** What `find(...).include(spec)` loads: relations, each with what to include in turn on its rows. */
export interface IncludePlan {
  readonly entries: readonly IncludeEntry[];
}

interface IncludeEntry {
  readonly relation: Relation;
  readonly nested: IncludePlan | undefined;
}

/** Checks `spec` against the model's relations; a name that is none of them is a `QueryError`. */
export function planInclude(model: ModelMeta, spec: unknown, at = model.name, within: readonly object[] = []): IncludePlan {
  if (!isPlainObject(spec)) throw new QueryError(`include() takes relations by name, e.g. { author: true }, got ${describe(spec)} (at ${at})`);
  // A spec that contains itself would include forever: a tree is included to a depth you write out.
  if (within.includes(spec)) throw new QueryError(`include(): the spec at ${at} contains itself; write out the depth to include`);
  const relations = relationsOf(model);
  const entries = Object.entries(spec).flatMap(([name, value]): IncludeEntry[] => {
    const relation = relations.get(name);
    if (!relation) {
      const known = relations.size ? `its relations are ${[...relations.keys()].join(", ")}` : "it has none (declare them with relations())";
      throw new QueryError(`include(): ${model.name} has no relation named ${quote(name)}; ${known}`);
    }
    if (value === undefined || value === false) return [];
    if (value === true) return [{ relation, nested: undefined }];
    if (!isPlainObject(value)) throw new QueryError(`include(): ${at}.${name} takes true or the relations of ${relation.target.name} to include, got ${describe(value)}`);
    return [{ relation, nested: planInclude(relation.target, value, `${at}.${name}`, [...within, spec]) }];
  });
  return Object.freeze({ entries: Object.freeze(entries) });
}

/** Two include specs as one: a relation named in both includes what either includes under it. */
export function mergeSpecs(a: unknown, b: unknown): unknown {
  if (!isPlainObject(a) || !isPlainObject(b)) return isPlainObject(b) || a === undefined ? b : a;
  const merged: Record<string, unknown> = { ...a };
  for (const [name, value] of Object.entries(b)) merged[name] = name in merged ? mergeSpecs(merged[name], value) : value;
  return merged;
}

/**
 * Loads every relation of the plan for all `rows`, one level at a time, with the queries of one
 * load per relation (see loadRelation) whatever the number of rows, and sets each as a plain,
 * enumerable property of the row. `context.rows` must give rows without their relations yet:
 * related rows get them from `attach` once their own includes are set, since a property added
 * after a row's prototype changed costs V8 many times more than one added before.
 */
export async function includeRelations(rows: readonly object[], plan: IncludePlan, context: LoadContext, attach: (model: ModelMeta, rows: object[]) => void): Promise<void> {
  if (rows.length === 0) return;
  for (const { relation, nested } of plan.entries) {
    const values = await loadRelation(relation, rows, context);
    rows.forEach((row, index) => {
      (row as Record<string, unknown>)[relation.name] = values[index];
    });
    const related = new Set<object>();
    for (const value of values) {
      if (Array.isArray(value)) for (const item of value as object[]) related.add(item);
      else if (value !== null) related.add(value as object);
    }
    const loaded = [...related];
    if (nested) await includeRelations(loaded, nested, context, attach);
    attach(relation.target, loaded);
  }
}
