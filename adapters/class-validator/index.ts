import {
  decoratedMarkers, ModelError, type ModelClass, type SchemaAdapter, type SchemaDescription,
} from "../../src/kit/adapter.js";
import { modelShape } from "./class-shape.js";
import { hydrator } from "./instance.js";
import { readClassField, refusedField } from "./read-field.js";
import { validationRules } from "./rules.js";
import { transformerOnlyProblems } from "./transformer-only.js";
import { classValidation } from "./validate.js";

function isClass(schema: unknown): schema is ModelClass {
  return typeof schema === "function" && typeof schema.prototype === "object" && schema.prototype !== null;
}

/**
 * Classes decorated with class-validator: fields from class-validator's metadata storage (and
 * `design:type` where emitted), nested classes from `@ValidateNested()` with class-transformer's
 * `@Type`, validation through class-validator (loaded on first use), rows returned as instances of
 * the class (nested values as instances of theirs). Properties with only Ommi markers are fields
 * too; properties that only class-transformer describes are refused fields (see transformer-only.ts),
 * listed with every other refused field.
 */
export const classValidatorAdapter: SchemaAdapter = {
  library: "class-validator",
  accepts: isClass,
  describe(schema: unknown, name: string | undefined): SchemaDescription {
    const cls = schema as ModelClass;
    const modelName = name ?? (cls.name || "model");
    const rules = validationRules(cls);
    const described = [...new Set([...rules.keys(), ...decoratedMarkers(cls).keys()])];
    if (described.length === 0) {
      throw new ModelError(`${modelName}: no property of the class is decorated; declare its fields with class-validator decorators (@IsString(), @IsInt(), ...)`);
    }
    const refused = transformerOnlyProblems(cls, new Set(described));
    const fields = [
      ...described.map((fieldName) => readClassField(modelName, cls, fieldName, rules.get(fieldName) ?? [])),
      ...refused.map((property) => refusedField(modelName, property.name, property.problem)),
    ];
    const shape = modelShape(cls, fields.map((field) => field.name), rules);
    return { defaultName: cls.name || undefined, fields, ...classValidation(shape), hydrate: hydrator(shape) };
  },
};
