import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ModelError, type SchemaAdapter, type SchemaDescription } from "../../src/kit/adapter.js";
import { problems } from "../shared/problems.js";
import { describeStandardObject } from "../shared/standard-schema.js";
import { readZodField, type ZodLike } from "./read-field.js";

interface ZodObjectLike extends ZodLike, StandardSchemaV1 {
  readonly _zod: ZodLike["_zod"] & {
    readonly def: {
      readonly type: string;
      readonly shape?: Record<string, ZodLike & StandardSchemaV1>;
      readonly catchall?: ZodLike;
      readonly checks?: readonly { readonly _zod: { readonly def: { readonly check?: string } } }[];
    };
  };
}

const LOOSE_ADVICE =
  "this object keeps keys it does not declare (z.looseObject, .catchall); declare the key, leave it out, or use z.object (which drops such keys) or z.strictObject (which refuses them)";

function isZodSchema(schema: unknown): schema is ZodObjectLike {
  return typeof schema === "object" && schema !== null && "_zod" in schema && "~standard" in schema;
}

/** Zod 4 (classic and mini): reads `schema._zod.def`, validates through `~standard`. */
export const zodAdapter: SchemaAdapter = {
  library: "zod",
  accepts: isZodSchema,
  describe(schema: unknown, name: string | undefined): SchemaDescription {
    const zod = schema as ZodObjectLike;
    const shape = zod._zod.def.shape;
    if (zod._zod.def.type !== "object" || !shape) {
      throw new ModelError(`${name ?? "model"}: ${problems.notAnObject("Zod", "z.object", `z.${zod._zod.def.type}`)}`);
    }
    if (zod._zod.def.checks?.some((check) => check._zod.def.check === "overwrite")) {
      const advice = "overwrite each field in its own schema (z.string().overwrite(...)), or change the value before add";
      throw new ModelError(`${name ?? "model"}: ${problems.wholeObjectTransform(".overwrite() on the object", advice)}`);
    }
    const catchall = zod._zod.def.catchall?._zod.def.type;
    const passesUnknownKeys = catchall !== undefined && catchall !== "never";
    return describeStandardObject(zod, shape, (fieldName, field) => readZodField(name ?? "model", fieldName, field), passesUnknownKeys ? LOOSE_ADVICE : undefined);
  },
};
