import { runConformance } from "ommi/conformance";
import { sqliteFile, sqliteMemory } from "../support/drivers.js";

// Ommi's conformance suite on SQLite, run exactly as a driver's author runs it on theirs.
runConformance(sqliteMemory);
runConformance(sqliteFile);
