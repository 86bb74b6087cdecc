import { runConformance } from "ommi/conformance";
import { postgresUnderTest } from "../support/postgres.js";

// Ommi's conformance suite on PostgreSQL (a fresh schema per test), run exactly as a driver's
// author runs it on theirs. Without a server it skips loudly, and fails in CI.
runConformance(postgresUnderTest);
