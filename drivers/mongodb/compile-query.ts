import type { Document } from "mongodb";
import type { PreparedQuery } from "../../src/kit/driver.js";
import { Compilation, NOTHING, type RelatedRows } from "./compilation.js";
import { compileCondition } from "./filter.js";
import { compileSort } from "./sort.js";

export type { RelatedRows };

export interface CompiledQuery {
  /** A find filter. */
  readonly filter: Document;
  /** A find sort spec, or undefined. */
  readonly sort?: Document;
  /** Extra computed fields a sort needs (e.g. an array's length): when present the driver runs
   *  aggregate [{$match: filter}, {$addFields: addFields}, {$sort: sort}, {$skip}, {$limit}, {$project: names→0}] instead of find. */
  readonly addFields?: Document;
  readonly skip?: number;
  readonly limit?: number;
}

/**
 * A prepared query → what `find` (or `aggregate`) takes: filter, sort, skip and limit, read from
 * the query's values. `limit(0)` asks for no rows, but MongoDB's limit 0 means "no limit": it is
 * compiled to a filter that matches nothing, with no limit, and conditions on other models are
 * then not even asked of the database.
 */
export async function compileQuery(prepared: PreparedQuery, related: RelatedRows): Promise<CompiledQuery> {
  const limit = prepared.limit === undefined ? undefined : Number(prepared.values[prepared.limit.index]);
  const skip = prepared.offset === undefined ? undefined : Number(prepared.values[prepared.offset.index]);
  if (limit === 0) return { filter: NOTHING };
  const filter = await compileFilter(prepared, related);
  return {
    filter,
    ...compileSort(prepared.node.sort),
    ...(skip ? { skip } : {}),
    ...(limit === undefined ? {} : { limit }),
  };
}

/** Only the condition (for update/delete/count). Same rules. */
export async function compileFilter(prepared: PreparedQuery, related: RelatedRows): Promise<Document> {
  const { where } = prepared.node;
  return where ? compileCondition(where, new Compilation(prepared.values, related)) : {};
}
