import {
  decoratedMarkers, ModelError, type ModelClass, type SchemaAdapter, type SchemaDescription,
} from "../../src/kit/adapter.js";
import { toInstance } from "./instance.js";
import { readClassField, typedByDecorators } from "./read-field.js";
import { validationRules } from "./rules.js";
import { transformerProperties } from "./transformer-metadata.js";
import { refuseTransformerOnly } from "./transformer-only.js";
import { classValidation } from "./validate.js";

function isClass(schema: unknown): schema is ModelClass {
  return typeof schema === "function" && typeof schema.prototype === "object" && schema.prototype !== null;
}

/**
 * Classes decorated with class-validator: fields from class-validator's metadata storage (and
 * `design:type` where emitted), validation through class-validator (loaded on first use), rows
 * returned as instances of the class. Properties with only Ommi markers are fields too; properties
 * that only class-transformer describes are refused (see transformer-only.ts).
 */
export const classValidatorAdapter: SchemaAdapter = {
  library: "class-validator",
  accepts: isClass,
  describe(schema: unknown, name: string | undefined): SchemaDescription {
    const cls = schema as ModelClass;
    const modelName = name ?? (cls.name || "model");
    const rules = validationRules(cls);
    const fieldNames = [...new Set([...rules.keys(), ...decoratedMarkers(cls).keys()])];
    if (fieldNames.length === 0) {
      throw new ModelError(`${modelName}: no property of the class is decorated; declare its fields with class-validator decorators (@IsString(), @IsInt(), ...)`);
    }
    const fields = fieldNames.map((fieldName) => readClassField(modelName, cls, fieldName, rules.get(fieldName) ?? []));
    const transformed = [...transformerProperties(cls).values()];
    refuseTransformerOnly(modelName, cls, new Set(fieldNames), transformed);
    const notData = new Set(transformed.filter((property) => property.excludedFromInput).map((property) => property.name));
    return {
      defaultName: cls.name || undefined,
      fields,
      ...classValidation(cls, fieldNames, fields.filter((field) => !typedByDecorators(rules.get(field.name) ?? [])), notData),
      hydrate: (row) => toInstance(cls, row),
    };
  },
};
