import type { SortNode } from "../query/nodes/sort.js";

declare const ROW: unique symbol;

/** A sort on a field of `R`: `User.name.asc()`. */
export class Sort<R> {
  declare readonly [ROW]?: R;

  constructor(readonly node: SortNode) {
    Object.freeze(this);
  }
}
