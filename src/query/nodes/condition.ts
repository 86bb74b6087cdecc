import type { AndNode } from "./and.js";
import type { ComparisonNode } from "./comparison.js";
import type { NotNode } from "./not.js";
import type { OrNode } from "./or.js";
import type { RelatedNode } from "./related.js";
import type { SomeNode } from "./some.js";

/** Any node that matches or does not match a row. */
export type ConditionNode = ComparisonNode | AndNode | OrNode | NotNode | RelatedNode | SomeNode;
