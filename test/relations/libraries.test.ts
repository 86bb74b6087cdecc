import { relationScenarios, runScenario } from "ommi/conformance";
import { driversUnderTest } from "../support/drivers.js";
import { classValidatorRelationModels } from "./fixtures/class-validator.js";
import { mixedRelationModels } from "./fixtures/mixed.js";
import { typeboxRelationModels } from "./fixtures/typebox.js";
import { valibotRelationModels } from "./fixtures/valibot.js";

// The relation scenarios of the conformance suite, for the models of every library other than
// Zod (the suite's own, run by test/conformance/*) and for models of several libraries related
// to each other, on every driver.
for (const fixture of [valibotRelationModels, typeboxRelationModels, classValidatorRelationModels, mixedRelationModels]) {
  for (const scenario of relationScenarios(fixture)) {
    for (const target of driversUnderTest) runScenario(target, scenario);
  }
}
