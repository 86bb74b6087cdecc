import type { Document } from "mongodb";
import { Param, QueryError, type ConditionNode, type ValueType } from "../../src/kit/driver.js";
import { compileSome } from "./arrays.js";
import { compileComparison } from "./comparison.js";
import type { RelatedRows } from "./compile-query.js";
import { compileRelated } from "./related.js";
import { toStored } from "./values.js";

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

  /** The value as it is stored for `type`: the same BSON type as the stored values it is compared with. */
  stored(type: ValueType, param: unknown): unknown {
    return toStored(type, this.value(param));
  }

  /** A list (in, notIn, hasAny, hasAll) with each value as stored for `type`. */
  storedList(type: ValueType, param: unknown): unknown[] {
    return (this.value(param) as readonly unknown[]).map((value) => toStored(type, value));
  }
}

/**
 * A condition → a MongoDB query document. Each document compiled here matches a row or does not
 * (no third answer, as SQL's NULL is), once rule 1 is written into every comparison
 * (comparison.ts): so `not` is `$nor`, the exact complement.
 */
export async function compileCondition(node: ConditionNode, compilation: Compilation): Promise<Document> {
  switch (node.kind) {
    case "comparison":
      return compileComparison(node, compilation);
    case "and":
    case "or": {
      const items = await Promise.all(node.items.map((item) => compileCondition(item, compilation)));
      return { [node.kind === "and" ? "$and" : "$or"]: items };
    }
    case "not":
      return { $nor: [await compileCondition(node.item, compilation)] };
    case "some":
      return compileSome(node, compilation, (where) => compileCondition(where, compilation));
    case "related":
      return compileRelated(node, compilation, (item) => compileCondition(item, compilation));
  }
}

/** A filter no document matches (every document has an `_id`). */
export const NOTHING: Document = Object.freeze({ _id: { $in: [] } });

/** Refuses, naming it, a condition that cannot be written in MongoDB with Ommi's meaning. */
export function cannotWrite(what: string, why: string): QueryError {
  return new QueryError(`${what}: ${why}`);
}
