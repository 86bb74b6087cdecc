// The conformance suite's own models, which other tests use too.
export { defineLibrary, definePerson, defineSample } from "../../conformance/support/models.js";
