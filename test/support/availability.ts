// One rule for every service a test needs, the conformance suite's: skip loudly here, fail in CI.
export { requireService } from "../../conformance/availability.js";
