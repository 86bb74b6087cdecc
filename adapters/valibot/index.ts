import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ModelError } from "../../src/errors.js";
import type { SchemaAdapter, SchemaDescription } from "../../src/model/adapter.js";
import { problems } from "../shared/problems.js";
import { describeStandardObject, isStandardSchema } from "../standard-schema.js";
import { readValibotField, type ValibotNode } from "./read-field.js";

type ValibotSchema = ValibotNode & StandardSchemaV1;

interface ValibotObject extends ValibotSchema {
  readonly entries?: Readonly<Record<string, ValibotSchema>>;
}

// The object schemas differ only in what they do with unknown keys, which Ommi never stores.
const OBJECT_TYPES = new Set(["object", "strict_object", "loose_object"]);

function isValibotSchema(schema: unknown): schema is ValibotObject {
  return isStandardSchema(schema) && schema["~standard"].vendor === "valibot";
}

/** Valibot 1.x: reads `type`, `entries`, `wrapped`, `options` and `pipe`; validates through `~standard`. */
export const valibotAdapter: SchemaAdapter = {
  library: "valibot",
  accepts: isValibotSchema,
  describe(schema: unknown, name: string | undefined): SchemaDescription {
    const valibot = schema as ValibotObject;
    const entries = valibot.entries;
    if (!OBJECT_TYPES.has(valibot.type) || !entries) {
      throw new ModelError(`${name ?? "model"}: ${problems.notAnObject("Valibot", "v.object", `v.${valibot.type}`)}`);
    }
    const passesUnknownKeys = valibot.type === "loose_object" || valibot.type === "object_with_rest";
    return describeStandardObject(valibot, entries, (fieldName, field) => readValibotField(name ?? "model", fieldName, field), passesUnknownKeys);
  },
};
