import type { ConditionNode } from "../query/nodes/condition.js";

declare const ROW: unique symbol;

/** A condition on rows of `R` (the model it was built from). Combine with `when`, `not`, `.and`, `.or`. */
export class Condition<R> {
  /** Only for the type checker: which model's rows this condition is about. */
  declare readonly [ROW]?: R;

  constructor(readonly node: ConditionNode) {
    Object.freeze(this);
  }
}
