import { runConformance } from "ommi/conformance";
import { mongodbUnderTest } from "../support/mongodb.js";

// Ommi's conformance suite on MongoDB (a fresh database per test), run exactly as a driver's
// author runs it on theirs: on the local stand-in, or on the server OMMI_TEST_MONGO_URL names.
runConformance(mongodbUnderTest);
