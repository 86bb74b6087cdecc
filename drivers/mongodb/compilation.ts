import type { Document } from "mongodb";
import { Param, QueryError, quote, targetName, type ComparisonNode, type FieldMeta, type ModelMeta, type ValueType } from "../../src/kit/driver.js";
import { storedValueIssue, toStored, type StoredValueIssue } from "./values.js";

/** What the compiler may ask of the database for a condition on another model (select-in): the
 *  distinct tuples of `fields` (stored paths) of `model`'s documents matching `filter`. */
export interface RelatedRows {
  joinValues(model: ModelMeta, fields: readonly FieldMeta[], filter: Document): Promise<readonly (readonly unknown[])[]>;
}

/** What compiling one query needs: its values (conditions hold `Param`s) and the database, for conditions on other models. */
export class Compilation {
  constructor(
    readonly values: readonly unknown[],
    readonly related: RelatedRows,
  ) {}

  /** The value a `Param` stands for. */
  value(param: unknown): unknown {
    if (!(param instanceof Param)) throw new Error("the compiler expects prepared queries (values replaced by Param)");
    return this.values[param.index];
  }

  /**
   * The value as it is stored for `type`: the same BSON type as the stored values it is compared
   * with. A value BSON cannot hold exactly (a bigint beyond 64 bits, a key holding NUL, at any
   * depth) is a QueryError naming the path compared, rather than failing in the client's
   * serializer or being compared as something else. `type` is the compared value's (the target's, or its items').
   */
  stored(node: ComparisonNode, type: ValueType): unknown {
    return storedExactly(type, this.value(node.value), node);
  }

  /** A list (in, notIn, hasAny, hasAll) with each value as stored for `type`, each checked as `stored` does. */
  storedList(node: ComparisonNode, type: ValueType): unknown[] {
    return (this.value(node.value) as readonly unknown[]).map((value) => storedExactly(type, value, node));
  }
}

function storedExactly(type: ValueType, value: unknown, node: ComparisonNode): unknown {
  const issue = insideStructuredValue(node) ? nestedIssue(type, value) : storedValueIssue(type, value);
  if (issue) {
    const where = issue.path.length ? ` (at ${issue.path.map((part) => quote(String(part))).join(" > ")} in the value compared)` : "";
    throw new QueryError(`${targetName(node.field, node.path)}: ${issue.message}${where}`);
  }
  return toStored(type, value);
}

/** Whether the value compared is inside a structured value (a key's, an item's), where BSON holds more than in a field of its own (values.ts). */
function insideStructuredValue(node: ComparisonNode): boolean {
  const { path, operator } = node;
  return Boolean(path?.element || path?.keys.length) || operator === "has" || operator === "hasAny" || operator === "hasAll";
}

/** storedValueIssue for a value stored inside a structured one: asked as the item of an array (values.ts exports no other way). */
function nestedIssue(type: ValueType, value: unknown): StoredValueIssue | undefined {
  const issue = storedValueIssue({ type: "array", of: type, nullable: false }, [value]);
  return issue && { path: issue.path.slice(1), message: issue.message };
}

/** A filter no document matches (every document has an `_id`). */
export const NOTHING: Document = Object.freeze({ _id: { $in: [] } });

/**
 * `compile` on each item, one after the other: compiling a condition on another model asks the
 * database (related.ts), and a transaction's session takes one command at a time (the first one
 * starts the transaction: two at once would both try).
 */
export async function inTurn<T>(items: readonly T[], compile: (item: T) => Promise<Document>): Promise<Document[]> {
  const compiled: Document[] = [];
  for (const item of items) compiled.push(await compile(item));
  return compiled;
}
