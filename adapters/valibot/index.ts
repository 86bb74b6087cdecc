import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ModelError, type SchemaAdapter, type SchemaDescription } from "../../src/kit/adapter.js";
import { problems } from "../shared/problems.js";
import { describeStandardObject, isStandardSchema } from "../shared/standard-schema.js";
import { readValibotField, type ValibotNode } from "./read-field.js";

type ValibotSchema = ValibotNode & StandardSchemaV1;

interface ValibotObject extends ValibotSchema {
  readonly entries?: Readonly<Record<string, ValibotSchema>>;
}

// The object schemas differ only in what they do with unknown keys: drop, refuse, or keep them.
const OBJECT_TYPES = new Set(["object", "strict_object", "loose_object"]);
const LOOSE_ADVICE =
  "v.looseObject keeps keys it does not declare; declare the key, leave it out, or use v.object (which drops such keys) or v.strictObject (which refuses them)";

// What may follow the object in a v.pipe: checks and metadata, and actions that change only its type.
const KEEPS_OBJECT = new Set(["validation", "metadata"]);
const TYPE_ONLY = new Set(["brand", "flavor", "readonly"]);

/** A pipe that transforms the object, or pipes it into another schema, stores what Ommi cannot read. */
function refuseWholeObjectTransform(modelName: string, object: ValibotObject): void {
  const step = object.pipe?.slice(1).find((action) => !KEEPS_OBJECT.has(action.kind) && !TYPE_ONLY.has(action.type));
  if (step) {
    const advice = "transform each field in its own entry (v.pipe(v.string(), v.trim())), or transform the value before add";
    throw new ModelError(`${modelName}: ${problems.wholeObjectTransform(`a v.pipe step (v.${step.type})`, advice)}`);
  }
}

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
    refuseWholeObjectTransform(name ?? "model", valibot);
    const passesUnknownKeys = valibot.type === "loose_object";
    return describeStandardObject(valibot, entries, (fieldName, field) => readValibotField(name ?? "model", fieldName, field), passesUnknownKeys ? LOOSE_ADVICE : undefined);
  },
};
