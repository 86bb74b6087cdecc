import { ModelError, type SchemaAdapter, type SchemaDescription } from "../../src/kit/adapter.js";
import { problems } from "../shared/problems.js";
import { isStandardSchema } from "../shared/standard-schema.js";
import { readTypeBoxField } from "./read-field.js";
import type { TypeBoxNode } from "./schema-node.js";
import "./schema-types.js";
import { typeBoxValidation } from "./validate.js";

/** TypeBox marks every schema it builds with a `~kind`; Standard Schema libraries are left to their own adapters. */
function isTypeBoxSchema(schema: unknown): schema is TypeBoxNode {
  return typeof schema === "object" && schema !== null && typeof (schema as TypeBoxNode)["~kind"] === "string" && !isStandardSchema(schema);
}

/**
 * TypeBox 1.x: reads the JSON Schema of a `Type.Object` (nested objects, arrays, tuples, records
 * and unions of objects included), validates through TypeBox's compiler (loaded on first use).
 */
export const typeBoxAdapter: SchemaAdapter = {
  library: "typebox",
  accepts: isTypeBoxSchema,
  describe(schema: unknown, name: string | undefined): SchemaDescription {
    const typeBox = schema as TypeBoxNode;
    const properties = typeBox.properties;
    if (typeBox["~kind"] !== "Object" || !properties) {
      throw new ModelError(`${name ?? "model"}: ${problems.notAnObject("TypeBox", "Type.Object", `Type.${typeBox["~kind"]}`)}`);
    }
    const required = new Set(typeBox.required ?? []);
    const fields = Object.entries(properties).map(([fieldName, field]) => readTypeBoxField(name ?? "model", fieldName, field, !required.has(fieldName)));
    return { fields, ...typeBoxValidation(typeBox, properties) };
  },
};
