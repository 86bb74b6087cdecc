import type { Document } from "mongodb";
import type { ConditionNode } from "../../src/kit/driver.js";
import { compileComparison } from "./comparison.js";
import { inTurn, type Compilation } from "./compilation.js";
import { compileRelated } from "./related.js";
import { compileSome } from "./some.js";

/**
 * A condition → a MongoDB query document. Each document compiled here matches a row or does not
 * (no third answer, as SQL's NULL is), once rule 1 is written into every comparison
 * (comparison.ts): so `not` is `$nor`, the exact complement. What no query document says
 * (some() conditions `$elemMatch` cannot hold, keys no path reaches) is `$expr` with the same
 * meaning (condition-expression.ts): nothing is refused for being hard to say in MongoDB.
 */
export async function compileCondition(node: ConditionNode, compilation: Compilation): Promise<Document> {
  switch (node.kind) {
    case "comparison":
      return compileComparison(node, compilation);
    case "and":
    case "or": {
      const items = await inTurn(node.items, (item) => compileCondition(item, compilation));
      return { [node.kind === "and" ? "$and" : "$or"]: items };
    }
    case "not":
      return { $nor: [await compileCondition(node.item, compilation)] };
    case "some":
      return compileSome(node, compilation, (item) => compileCondition(item, compilation));
    case "related":
      return compileRelated(node, compilation, (item) => compileCondition(item, compilation));
  }
}
