import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { SchemaField } from "../../src/kit/adapter.js";
import { joinUnchecked, readDefault } from "../shared/defaults.js";
import { collectionOf, objectOf, readField, readNestedFields, scalar, unreadable, type Fail, type FieldReading } from "../shared/field-reading.js";
import { readLiterals } from "../shared/literals.js";
import { problems } from "../shared/problems.js";
import { readMembers, readUnion } from "../shared/union.js";
import { readClassInstance, readRecord, readTuple } from "../shared/collections.js";
import { recursiveJson, SchemaPath } from "../shared/schema-path.js";

/** The parts of Zod 4's documented internal structure (`schema._zod.def`) that Ommi reads. */
interface ZodDef {
  readonly type: string;
  readonly innerType?: ZodLike;
  readonly in?: ZodLike;
  readonly out?: ZodLike;
  readonly options?: readonly ZodLike[];
  /** The key a discriminated union's options are told apart by. */
  readonly discriminator?: string;
  readonly entries?: Record<string, string | number>;
  readonly values?: readonly unknown[];
  readonly format?: string;
  readonly checks?: readonly { readonly _zod: { readonly def: { readonly check?: string; readonly format?: string } } }[];
  /** A getter on `default`: a default function is called each time it is read. */
  readonly defaultValue?: unknown;
  readonly catchValue?: (context: unknown) => unknown;
  /** An object's keys; a recursive schema puts getters here. */
  readonly shape?: Readonly<Record<string, ZodLike>>;
  /** An array's items. */
  readonly element?: ZodLike;
  /** A tuple's items, and the type of any items after them. */
  readonly items?: readonly ZodLike[];
  readonly rest?: ZodLike | null;
  /** A record's (or map's) keys and values; a set's values. */
  readonly keyType?: ZodLike;
  readonly valueType?: ZodLike;
  /** What a `z.lazy` stands for (`z.json()` is one). */
  readonly getter?: () => ZodLike;
}

export interface ZodLike {
  readonly _zod: {
    readonly def: ZodDef;
    /** `z.instanceof(Class)` keeps its class here. */
    readonly bag?: { readonly Class?: unknown };
  };
}

const INTEGER_FORMATS = new Set(["safeint", "int32", "uint32", "int64", "uint64"]);
// Wrappers that change neither the stored type nor whether the field may be missing or null
// (a prefault goes through the schema it wraps, unlike a default).
const TRANSPARENT = new Set(["readonly", "prefault"]);
const SUPPORTED =
  "string, number, boolean, date, bigint, enum, literal, object, array, tuple, record, a union of objects, unknown, z.json() or z.instanceof(Uint8Array)";

/** Reads one property of a `z.object` into an Ommi field; a problem becomes the field's, saying what to do. */
export function readZodField(modelName: string, name: string, schema: ZodLike): SchemaField {
  const path = new SchemaPath(name);
  return readField(modelName, name, (fail) => path.readField(() => read(schema, path, fail), fail));
}

/** Reads a schema; one met again inside itself (a recursive `z.lazy` or getter) is a JSON value. */
function read(schema: ZodLike, path: SchemaPath, fail: Fail): FieldReading {
  return path.enter(schema, () => readDef(schema, path, fail), () => recursiveJson(schema as ZodLike & StandardSchemaV1));
}

function readDef(schema: ZodLike, path: SchemaPath, fail: Fail): FieldReading {
  const def = schema._zod.def;
  switch (def.type) {
    case "string":
    case "template_literal":
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
    case "unknown":
    case "any":
      return { ...scalar("json"), nullable: true };
    case "optional":
      return { ...read(inner(def, fail), path, fail), optional: true };
    case "nonoptional":
      return { ...read(inner(def, fail), path, fail), optional: false };
    case "default":
      // Zod puts the default, unchecked, in place of any undefined, the inner schema's own included.
      return joinUnchecked({ ...read(inner(def, fail), path, fail), optional: false }, readDefault(() => def.defaultValue), "default", fail);
    case "catch":
      // What a catch gives in place of a value the inner schema refuses, unchecked as well.
      return joinUnchecked(read(inner(def, fail), path, fail), readDefault(() => def.catchValue?.(undefined)), "catch value", fail);
    case "nullable":
      return { ...read(inner(def, fail), path, fail), nullable: true };
    case "pipe":
      return readPipe(def, path, fail);
    case "lazy":
      if (!def.getter) throw fail("Zod lazy without a getter");
      return read(def.getter(), path, fail);
    case "union": {
      const options = def.options ?? [];
      const nonNull = options.filter((option) => option._zod.def.type !== "null");
      const members = readMembers(nonNull, (option) => read(option, path, fail));
      return readUnion(members, nonNull.length < options.length, fail, { discriminator: def.discriminator });
    }
    case "object":
      return readObject(def, path, fail);
    case "array":
      if (!def.element) throw fail("Zod array without an element type");
      return collectionOf("array", path.inside(() => read(def.element as ZodLike, path, fail)), fail);
    case "tuple":
      return readTuple([...(def.items ?? []), ...(def.rest ? [def.rest] : [])], (item) => item._zod.def.type === "null", (item) => read(item, path, fail), path, fail);
    case "record":
      if (!def.keyType || !def.valueType) throw fail("Zod record without a key or value type");
      return readRecord(def.keyType, def.valueType, (part) => read(part, path, fail), path, fail);
    case "custom":
      return readCustom(schema, path);
    case "set":
      throw fail(problems.noJsonForm("a Set", "use an array (z.array(...)); a refinement can keep its items unique"));
    case "map":
      throw fail(problems.noJsonForm("a Map", "use a record keyed by strings (z.record(z.string(), ...))"));
    case "file":
      throw fail(problems.noJsonForm("a File", "store its bytes (z.instanceof(Uint8Array)), and its name and type in fields of their own"));
    case "intersection":
      throw fail(problems.intersection("A.extend(B.shape), or z.object({ ...A.shape, ...B.shape })"));
    case "transform":
      throw fail(problems.unreadableTransform("store the input type and convert in your code"));
    default:
      if (TRANSPARENT.has(def.type)) return read(inner(def, fail), path, fail);
      throw fail(problems.unsupportedType("Zod", def.type, SUPPORTED));
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
function readPipe(def: ZodDef, path: SchemaPath, fail: Fail): FieldReading {
  const out = def.out;
  if (!out || out._zod.def.type === "transform") {
    throw fail(problems.unreadableTransform("store the input type and convert in your code, or pipe into a schema (.pipe(z.number()))"));
  }
  return read(out, path, fail);
}

/**
 * A nested object is stored whole, its keys read in the schema's order. Keys it does not declare
 * (z.looseObject, .catchall) are kept too: a JSON value holds them.
 */
function readObject(def: ZodDef, path: SchemaPath, fail: Fail): FieldReading {
  if (def.checks?.some((check) => check._zod.def.check === "overwrite")) {
    throw fail(problems.wholeObjectTransform(".overwrite() on the object", "overwrite each key in its own schema, or change the value before add"));
  }
  const entries = Object.entries(def.shape ?? {});
  return objectOf(path.inside(() => readNestedFields(entries, (schema, failKey) => read(schema, path, failKey), fail)));
}


/**
 * `z.instanceof(Class)` is a custom schema that keeps its class: bytes (`Uint8Array`, and Node's
 * `Buffer`, a subclass) are binary, and a `Date` a date. Any other custom schema only checks values.
 */
function readCustom(schema: ZodLike, path: SchemaPath): FieldReading {
  const held = schema._zod.bag?.Class;
  if (typeof held === "function") return readClassInstance(held, (name) => `z.instanceof(${name})`, path);
  return unreadable(problems.unknownContent("z.custom()", path.storedAs()));
}
