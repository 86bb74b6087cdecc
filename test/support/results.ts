// The conformance suite's own helpers, which other tests use too.
export { ascending, failure, fieldOf } from "../../conformance/support/results.js";
