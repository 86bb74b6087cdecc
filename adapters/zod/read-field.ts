import type { SchemaField } from "../../src/kit/adapter.js";
import { joinUnchecked, readDefault } from "../shared/defaults.js";
import { readField, scalar, type Fail, type FieldReading } from "../shared/field-reading.js";
import { readLiterals } from "../shared/literals.js";
import { problems } from "../shared/problems.js";
import { readUnion } from "../shared/union.js";

/** The parts of Zod 4's documented internal structure (`schema._zod.def`) that Ommi reads. */
interface ZodDef {
  readonly type: string;
  readonly innerType?: ZodLike;
  readonly in?: ZodLike;
  readonly out?: ZodLike;
  readonly options?: readonly ZodLike[];
  readonly entries?: Record<string, string | number>;
  readonly values?: readonly unknown[];
  readonly format?: string;
  readonly checks?: readonly { readonly _zod: { readonly def: { readonly check?: string; readonly format?: string } } }[];
  /** A getter on `default`: a default function is called each time it is read. */
  readonly defaultValue?: unknown;
  readonly catchValue?: (context: unknown) => unknown;
}

export interface ZodLike {
  readonly _zod: { readonly def: ZodDef };
}

const INTEGER_FORMATS = new Set(["safeint", "int32", "uint32", "int64", "uint64"]);
// Wrappers that change neither the stored type nor whether the field may be missing or null
// (a prefault goes through the schema it wraps, unlike a default).
const TRANSPARENT = new Set(["readonly", "nonoptional", "prefault"]);
const COLLECTIONS = new Set(["array", "tuple", "set", "record", "map"]);
const SUPPORTED = "string, number, boolean, date, bigint, enum or literal";
const TEXT = "z.string()";

/** Reads one property of a `z.object` into an Ommi field, or throws a `ModelError` saying what to do. */
export function readZodField(modelName: string, name: string, schema: ZodLike): SchemaField {
  return readField(modelName, name, (fail) => read(schema, fail));
}

function read(schema: ZodLike, fail: Fail): FieldReading {
  const def = schema._zod.def;
  switch (def.type) {
    case "string":
      return scalar("string");
    case "number":
      return scalar(isInteger(def) ? "integer" : "float");
    case "boolean":
      return scalar("boolean");
    case "date":
      return scalar("date");
    case "bigint":
      return scalar("bigint");
    case "enum":
      return readLiterals(Object.values(def.entries ?? {}), fail);
    case "literal":
      return readLiterals(def.values ?? [], fail);
    case "optional":
      return { ...read(inner(def, fail), fail), optional: true };
    case "default":
      // Zod puts the default, unchecked, in place of any undefined, the inner schema's own included.
      return joinUnchecked({ ...read(inner(def, fail), fail), optional: false }, readDefault(() => def.defaultValue), "default", fail);
    case "catch":
      // What a catch gives in place of a value the inner schema refuses, unchecked as well.
      return joinUnchecked(read(inner(def, fail), fail), readDefault(() => def.catchValue?.(undefined)), "catch value", fail);
    case "nullable":
      return { ...read(inner(def, fail), fail), nullable: true };
    case "pipe":
      return readPipe(def, fail);
    case "union": {
      const options = def.options ?? [];
      const nonNull = options.filter((option) => option._zod.def.type !== "null");
      return readUnion(nonNull.map((option) => read(option, fail)), nonNull.length < options.length, fail);
    }
    default:
      if (TRANSPARENT.has(def.type)) return read(inner(def, fail), fail);
      throw fail(unsupported(def.type));
  }
}

function isInteger(def: ZodDef): boolean {
  if (def.format && INTEGER_FORMATS.has(def.format)) return true;
  return (def.checks ?? []).some((check) => check._zod.def.check === "number_format" && INTEGER_FORMATS.has(check._zod.def.format ?? ""));
}

function inner(def: ZodDef, fail: Fail): ZodLike {
  if (!def.innerType) throw fail(`Zod ${def.type} without an inner type`);
  return def.innerType;
}

/** A pipe stores what comes out of it; a transform's output type cannot be read from the schema. */
function readPipe(def: ZodDef, fail: Fail): FieldReading {
  const out = def.out;
  if (!out || out._zod.def.type === "transform") {
    throw fail(problems.unreadableTransform("store the input type and convert in your code, or pipe into a schema (.pipe(z.number()))"));
  }
  return read(out, fail);
}

function unsupported(type: string): string {
  if (type === "object") return problems.nestedObject(TEXT);
  if (COLLECTIONS.has(type)) return problems.collection(type, TEXT);
  if (type === "transform") return problems.unreadableTransform("store the input type and convert in your code");
  return problems.unsupportedType("Zod", type, SUPPORTED);
}
