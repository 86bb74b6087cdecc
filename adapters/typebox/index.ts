import { ModelError, type SchemaAdapter, type SchemaDescription } from "../../src/kit/adapter.js";
import { problems } from "../shared/problems.js";
import { isStandardSchema } from "../shared/standard-schema.js";
import { readTypeBoxField, type TypeBoxNode } from "./read-field.js";
import "./schema-types.js";
import { typeBoxValidation } from "./validate.js";

interface TypeBoxObject extends TypeBoxNode {
  readonly properties?: Readonly<Record<string, TypeBoxNode>>;
  readonly required?: readonly string[];
}

/** TypeBox marks every schema it builds with a `~kind`; Standard Schema libraries are left to their own adapters. */
function isTypeBoxSchema(schema: unknown): schema is TypeBoxObject {
  return typeof schema === "object" && schema !== null && typeof (schema as TypeBoxNode)["~kind"] === "string" && !isStandardSchema(schema);
}

/** TypeBox 1.x: reads the JSON Schema of a `Type.Object`, validates through TypeBox's compiler (loaded on first use). */
export const typeBoxAdapter: SchemaAdapter = {
  library: "typebox",
  accepts: isTypeBoxSchema,
  describe(schema: unknown, name: string | undefined): SchemaDescription {
    const typeBox = schema as TypeBoxObject;
    const properties = typeBox.properties;
    if (typeBox["~kind"] !== "Object" || !properties) {
      throw new ModelError(`${name ?? "model"}: ${problems.notAnObject("TypeBox", "Type.Object", `Type.${typeBox["~kind"]}`)}`);
    }
    const required = new Set(typeBox.required ?? []);
    const fields = Object.entries(properties).map(([fieldName, field]) => readTypeBoxField(name ?? "model", fieldName, field, !required.has(fieldName)));
    const dateFields = new Set(fields.filter((field) => field.type === "date").map((field) => field.name));
    return { fields, ...typeBoxValidation(typeBox, properties, dateFields) };
  },
};
