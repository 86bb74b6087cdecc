import type { Document } from "mongodb";
import { hopEnds, type ConditionNode, type FieldMeta, type Hop, type RelatedNode } from "../../src/kit/driver.js";
import { NOTHING, type Compilation } from "./filter.js";
import { fieldPath } from "./paths.js";

/**
 * A condition on another model, reached through ReferenceTo hops: select-in, one query per hop,
 * innermost first. The item is compiled on the last model; the database gives the distinct join
 * values of the documents it matches (`RelatedRows.joinValues`); the model before is filtered
 * by those values with `$in`, and so on back to the query's model. Nothing but join values is
 * read, never whole documents. A tuple holding null joins nothing (as SQL's IN with a NULL is
 * never true), so it is left out; a row whose own reference is null or missing matches no `$in`,
 * and `not(...)` (`$nor`) then matches it: the exact complement.
 *
 * Limit: the join values of one hop are sent inside the next filter, which must fit in a BSON
 * document (16 MB): a condition matching millions of related rows fails with MongoDB's error
 * rather than running.
 */
export async function compileRelated(node: RelatedNode, compilation: Compilation, condition: (item: ConditionNode) => Promise<Document>): Promise<Document> {
  let filter = await condition(node.item);
  for (let step = node.path.length - 1; step >= 0; step--) {
    const hop = node.path[step] as Hop;
    const tuples = await compilation.related.joinValues(hopEnds(hop).to, hop.to, filter);
    filter = joinedBy(hop.from, tuples);
  }
  return filter;
}

/** Documents whose `fields` equal one of `tuples`, pairwise. */
function joinedBy(fields: readonly FieldMeta[], tuples: readonly (readonly unknown[])[]): Document {
  const complete = tuples.filter((tuple) => tuple.every((value) => value !== null && value !== undefined));
  const paths = fields.map(fieldPath);
  if (paths.length === 1) return { [paths[0] as string]: { $in: complete.map((tuple) => tuple[0]) } };
  if (complete.length === 0) return NOTHING;
  return { $or: complete.map((tuple) => ({ $and: paths.map((path, index) => ({ [path]: { $eq: tuple[index] } })) })) };
}
