import { runConformance } from "ommi/conformance";
import { mysqlUnderTest } from "../support/mysql.js";

// Ommi's conformance suite on MySQL/MariaDB (a fresh database per test), run exactly as a
// driver's author runs it on theirs. Without a server it skips loudly, and fails in CI.
runConformance(mysqlUnderTest);
