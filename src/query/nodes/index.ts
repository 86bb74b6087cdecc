export { and, type AndNode } from "./and.js";
export { comparison, type ComparisonNode, type ComparisonOperator } from "./comparison.js";
export type { ConditionNode } from "./condition.js";
export { not, type NotNode } from "./not.js";
export { or, type OrNode } from "./or.js";
export { query, type QueryNode } from "./query.js";
export { related, type Hop, type RelatedNode } from "./related.js";
export { sort, type SortDirection, type SortNode } from "./sort.js";
