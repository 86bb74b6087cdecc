import { ModelError } from "../../src/errors.js";
import type { FieldType, SchemaField } from "../../src/model/field.js";

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
}

export interface ZodLike {
  readonly _zod: { readonly def: ZodDef };
}

const INTEGER_FORMATS = new Set(["safeint", "int32", "uint32", "int64", "uint64"]);
// Wrappers that change neither the stored type nor whether the field may be missing or null.
const TRANSPARENT = new Set(["readonly", "catch", "nonoptional", "prefault"]);

interface Reading {
  type: FieldType;
  optional: boolean;
  nullable: boolean;
  values?: (string | number | boolean)[];
}

/** Reads one property of a `z.object` into an Ommi field, or throws a `ModelError` saying what to do. */
export function readZodField(modelName: string, name: string, schema: ZodLike): SchemaField {
  const reading = read(schema, (problem) => new ModelError(`${modelName}.${name}: ${problem}`));
  return { name, ...reading };
}

function read(schema: ZodLike, fail: (problem: string) => ModelError): Reading {
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
      return fromValues(Object.values(def.entries ?? {}), fail);
    case "literal":
      return fromValues(def.values ?? [], fail);
    case "optional":
      return { ...read(inner(def, fail), fail), optional: true };
    case "default":
      // The default fills a missing value, so the stored field is always present.
      return read(inner(def, fail), fail);
    case "nullable":
      return { ...read(inner(def, fail), fail), nullable: true };
    case "pipe":
      return readPipe(def, fail);
    case "union":
      return readUnion(def.options ?? [], fail);
    default:
      if (TRANSPARENT.has(def.type)) return read(inner(def, fail), fail);
      throw fail(unsupported(def.type));
  }
}

function scalar(type: FieldType): Reading {
  return { type, optional: false, nullable: false };
}

function isInteger(def: ZodDef): boolean {
  if (def.format && INTEGER_FORMATS.has(def.format)) return true;
  return (def.checks ?? []).some((check) => check._zod.def.check === "number_format" && INTEGER_FORMATS.has(check._zod.def.format ?? ""));
}

function inner(def: ZodDef, fail: (problem: string) => ModelError): ZodLike {
  if (!def.innerType) throw fail(`Zod ${def.type} without an inner type`);
  return def.innerType;
}

/** A pipe stores what comes out of it; a transform's output type cannot be read from the schema. */
function readPipe(def: ZodDef, fail: (problem: string) => ModelError): Reading {
  const out = def.out;
  if (!out || out._zod.def.type === "transform") {
    throw fail("a transform's output type cannot be read from the schema; store the input type and convert in your code, or pipe into a schema (.pipe(z.number()))");
  }
  return read(out, fail);
}

/** Unions of null and one type, or of literals/enums sharing a base type, are stored as that type. */
function readUnion(options: readonly ZodLike[], fail: (problem: string) => ModelError): Reading {
  const nonNull = options.filter((option) => option._zod.def.type !== "null");
  const readings = nonNull.map((option) => read(option, fail));
  const first = readings[0];
  if (!first || readings.some((reading) => reading.type !== first.type)) {
    throw fail("a union of unrelated types cannot be stored in one column; split it into fields, or store it as JSON text yourself");
  }
  const values = readings.every((reading) => reading.values) ? readings.flatMap((reading) => reading.values ?? []) : undefined;
  return {
    type: first.type,
    optional: readings.some((reading) => reading.optional),
    nullable: nonNull.length < options.length || readings.some((reading) => reading.nullable),
    ...(values ? { values } : {}),
  };
}

function fromValues(values: readonly unknown[], fail: (problem: string) => ModelError): Reading {
  const kinds = new Set(values.map((value) => typeof value));
  if (kinds.size !== 1) throw fail("literals of mixed types cannot be stored in one column");
  const [kind] = kinds;
  const typed = values as (string | number | boolean)[];
  if (kind === "string") return { ...scalar("string"), values: typed };
  if (kind === "boolean") return { ...scalar("boolean"), values: typed };
  if (kind === "number") return { ...scalar(typed.every((value) => Number.isInteger(value)) ? "integer" : "float"), values: typed };
  throw fail(`literals of type ${String(kind)} cannot be stored`);
}

function unsupported(type: string): string {
  switch (type) {
    case "object":
      return "a nested object cannot be stored in a column; make it a model of its own with a ReferenceTo, or store it as JSON text yourself (z.string())";
    case "array":
    case "tuple":
    case "set":
    case "record":
    case "map":
      return `a ${type} cannot be stored in a column; make its items a model with a ReferenceTo, or store it as JSON text yourself (z.string())`;
    case "transform":
      return "a transform's output type cannot be read from the schema; store the input type and convert in your code";
    default:
      return `Zod type "${type}" cannot be stored; use string, number, boolean, date, bigint, enum or literal`;
  }
}
