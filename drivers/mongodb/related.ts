import type { Document } from "mongodb";
import { hopEnds, type ConditionNode, type FieldMeta, type Hop, type RelatedNode } from "../../src/kit/driver.js";
import { NOTHING, type Compilation } from "./compilation.js";
import { fieldPath, fieldReference } from "./paths.js";

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
  const { fields, tuples } = await joinValues(node, compilation, condition);
  return joinedBy(fields, tuples);
}

/**
 * The same, as a boolean aggregation expression (a condition on another model inside `some(...)`,
 * compiled as an expression): the row's own join fields, compared with `$in`/`$eq` on `$literal`
 * values. A null or missing reference equals none of them.
 */
export async function relatedExpression(node: RelatedNode, compilation: Compilation, condition: (item: ConditionNode) => Promise<Document>): Promise<Document> {
  const { fields, tuples } = await joinValues(node, compilation, condition);
  const complete = completeTuples(tuples);
  const references = fields.map((field) => fieldReference(fieldPath(field)));
  if (references.length === 1) return { $in: [references[0], { $literal: complete.map((tuple) => tuple[0]) }] };
  if (complete.length === 0) return { $literal: false };
  return { $or: complete.map((tuple) => ({ $and: references.map((reference, index) => ({ $eq: [reference, { $literal: tuple[index] }] })) })) };
}

/** The join values of the first hop (the query's model's own fields and the tuples they must equal), asking the database hop by hop. */
async function joinValues(node: RelatedNode, compilation: Compilation, condition: (item: ConditionNode) => Promise<Document>): Promise<{ fields: readonly FieldMeta[]; tuples: readonly (readonly unknown[])[] }> {
  let filter = await condition(node.item);
  for (let step = node.path.length - 1; ; step--) {
    const hop = node.path[step] as Hop;
    const tuples = await compilation.related.joinValues(hopEnds(hop).to, hop.to, filter);
    if (step === 0) return { fields: hop.from, tuples };
    filter = joinedBy(hop.from, tuples);
  }
}

/** Tuples without a null (those join nothing). */
function completeTuples(tuples: readonly (readonly unknown[])[]): readonly (readonly unknown[])[] {
  return tuples.filter((tuple) => tuple.every((value) => value !== null && value !== undefined));
}

/** Documents whose `fields` equal one of `tuples`, pairwise. */
function joinedBy(fields: readonly FieldMeta[], tuples: readonly (readonly unknown[])[]): Document {
  const complete = completeTuples(tuples);
  const paths = fields.map(fieldPath);
  if (paths.length === 1) return { [paths[0] as string]: { $in: complete.map((tuple) => tuple[0]) } };
  if (complete.length === 0) return NOTHING;
  return { $or: complete.map((tuple) => ({ $and: paths.map((path, index) => ({ [path]: { $eq: tuple[index] } })) })) };
}
