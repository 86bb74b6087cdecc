import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { FieldType, SchemaField } from "../../src/kit/adapter.js";
import { joinUnchecked, mayGive, readDefault } from "../shared/defaults.js";
import { collectionOf, objectOf, readField, readNestedFields, scalar, unreadable, type Fail, type FieldReading } from "../shared/field-reading.js";
import { readLiterals } from "../shared/literals.js";
import { problems } from "../shared/problems.js";
import { readMembers, readUnion } from "../shared/union.js";
import { readClassInstance, readRecord, readTuple } from "../shared/collections.js";
import { recursiveJson, SchemaPath } from "../shared/schema-path.js";

/** The parts of Valibot's schema and pipe-action objects that Ommi reads (`kind`, `type` and their own properties). */
export interface ValibotNode {
  readonly kind: string;
  readonly type: string;
  /** The inner schema of optional, nullable, nullish and their opposites. */
  readonly wrapped?: ValibotNode;
  /** What optional, nullable and nullish put in place of their missing value: a value, or a function giving one. */
  readonly default?: unknown;
  /** What `v.fallback` gives for a value the schema refuses: a value, or a function giving one. */
  readonly fallback?: unknown;
  /** Allowed values of a picklist or enum; member schemas of a union. */
  readonly options?: readonly unknown[];
  readonly literal?: unknown;
  /** The schema itself first, then its actions and further schemas. */
  readonly pipe?: readonly ValibotNode[];
  /** An object's keys. */
  readonly entries?: Readonly<Record<string, ValibotNode>>;
  /** An array's items. */
  readonly item?: ValibotNode;
  /** A tuple's items; what follows them in a tuple (or v.objectWithRest's other keys). */
  readonly items?: readonly ValibotNode[];
  readonly rest?: ValibotNode;
  /** A record's (or map's) keys and values, or a set's values; a variant's discriminating key (a string). */
  readonly key?: ValibotNode | string;
  readonly value?: ValibotNode;
  /** What a `v.lazy` stands for; it is given the value being validated. */
  readonly getter?: (input: unknown) => ValibotNode;
  /** The class of a `v.instance`. */
  readonly class?: unknown;
}

const SCALARS = new Map<string, FieldType>([["string", "string"], ["number", "float"], ["boolean", "boolean"], ["date", "date"], ["bigint", "bigint"]]);
// A nested object is stored whole; keys an object keeps without declaring them are kept too (a JSON value holds them).
const OBJECTS = new Set(["object", "loose_object", "strict_object", "object_with_rest"]);
// Tuples that keep no item they do not declare: their items (and rest) are all there is.
const TUPLES = new Set(["tuple", "strict_tuple", "tuple_with_rest"]);
const INTEGER_CHECKS = new Set(["integer", "safe_integer"]);
// Transformations whose output has the type of their input.
const TYPE_KEEPING = new Set([
  "brand", "flavor", "readonly", "guard", "normalize", "trim", "trim_start", "trim_end", "to_lower_case", "to_upper_case",
  "to_camel_case", "to_kebab_case", "to_pascal_case", "to_snake_case", "to_min_value", "to_max_value", "filter_items", "sort_items",
]);
// Transformations whose output type is fixed whatever their input.
const CONVERSIONS = new Map<string, FieldType>([
  ["to_number", "float"], ["to_string", "string"], ["to_date", "date"], ["to_bigint", "bigint"], ["to_boolean", "boolean"],
  ["parse_boolean", "boolean"], ["stringify_json", "string"],
]);
const SUPPORTED =
  "string, number, boolean, date, bigint, picklist, enum, literal, object, array, tuple, record, a union or variant of objects, unknown or v.instance(Uint8Array)";

/** Reads one entry of a `v.object` into an Ommi field; a problem becomes the field's, saying what to do. */
export function readValibotField(modelName: string, name: string, schema: ValibotNode): SchemaField {
  const path = new SchemaPath(name);
  return readField(modelName, name, (fail) => path.readField(() => read(schema, path, fail), fail));
}

/** Reads a schema; one met again inside itself (through a recursive `v.lazy`) is a JSON value. */
function read(schema: ValibotNode, path: SchemaPath, fail: Fail): FieldReading {
  return path.enter(schema, () => readWithFallback(schema, path, fail), () => recursiveJson(schema as ValibotNode & StandardSchemaV1));
}

function readWithFallback(schema: ValibotNode, path: SchemaPath, fail: Fail): FieldReading {
  const reading = readSchema(schema, path, fail);
  // v.fallback keeps the schema it wraps and adds the value it gives, unchecked, for a value that schema refuses.
  return schema.fallback === undefined ? reading : joinUnchecked(reading, readDefault(() => valueOf(schema.fallback)), "fallback", fail);
}

function readSchema(schema: ValibotNode, path: SchemaPath, fail: Fail): FieldReading {
  if (schema.pipe) return readPipe(schema.pipe, path, fail);
  const scalarType = SCALARS.get(schema.type);
  if (scalarType) return scalar(scalarType);
  if (OBJECTS.has(schema.type)) return readObject(schema, path, fail);
  if (TUPLES.has(schema.type)) {
    const items = [...(schema.items ?? []), ...(schema.rest ? [schema.rest] : [])];
    return readTuple(items, (item) => item.type === "null", (item) => read(item, path, fail), path, fail);
  }
  switch (schema.type) {
    case "picklist":
    case "enum":
      return readLiterals(schema.options ?? [], fail);
    case "literal":
      return readLiterals([schema.literal], fail);
    case "optional":
    case "undefinedable":
      return widened(readWrapped(schema, path, fail), { optional: comesOut(schema).undefined });
    case "exact_optional":
      // Its default (for a missing key) goes through the wrapped schema like any value: only no default leaves the key out.
      return widened(readWrapped(schema, path, fail), { optional: schema.default === undefined });
    case "nullable":
      return widened(readWrapped(schema, path, fail), { nullable: comesOut(schema).null });
    case "nullish": {
      const out = comesOut(schema);
      return widened(readWrapped(schema, path, fail), { optional: out.undefined, nullable: out.null });
    }
    case "non_optional":
      return { ...readWrapped(schema, path, fail), optional: false };
    case "non_nullable":
      return { ...readWrapped(schema, path, fail), nullable: false };
    case "non_nullish":
      return { ...readWrapped(schema, path, fail), optional: false, nullable: false };
    case "union":
    case "variant": {
      const members = (schema.options ?? []) as readonly ValibotNode[];
      const nonNull = members.filter((member) => member.type !== "null");
      const readings = readMembers(nonNull, (member) => read(member, path, fail));
      const discriminator = typeof schema.key === "string" ? schema.key : undefined;
      return readUnion(readings, nonNull.length < members.length, fail, { discriminator });
    }
    case "unknown":
    case "any":
      return { ...scalar("json"), nullable: true };
    case "array":
      if (!schema.item) throw fail("Valibot array without an item schema");
      return collectionOf("array", path.inside(() => read(schema.item as ValibotNode, path, fail)), fail);
    case "record":
      if (typeof schema.key !== "object" || !schema.value) throw fail("Valibot record without a key or value schema");
      return readRecord(schema.key, schema.value, (part) => read(part, path, fail), path, fail);
    case "lazy":
      return readLazy(schema, path, fail);
    case "instance":
      return readClassInstance(schema.class, (name) => `v.instance(${name})`, path);
    case "custom":
      return unreadable(problems.unknownContent("v.custom()", path.storedAs()));
    case "loose_tuple":
      throw fail("v.looseTuple keeps items it does not declare, of any type; use v.tuple (which drops them), v.strictTuple (which refuses them) or v.tupleWithRest (which types them)");
    case "intersect":
      throw fail(problems.intersection("v.object({ ...A.entries, ...B.entries })"));
    case "set":
      throw fail(problems.noJsonForm("a Set", "use an array (v.array(...)); a check can keep its items unique"));
    case "map":
      throw fail(problems.noJsonForm("a Map", "use a record keyed by strings (v.record(v.string(), ...))"));
    case "blob":
    case "file":
      throw fail(problems.noJsonForm(`a ${schema.type === "file" ? "File" : "Blob"}`, "store its bytes (v.instance(Uint8Array)), and its name and type in fields of their own"));
    default:
      throw fail(problems.unsupportedType("Valibot", schema.type, SUPPORTED));
  }
}

/** A nested object is stored whole, its keys read in the schema's order. */
function readObject(schema: ValibotNode, path: SchemaPath, fail: Fail): FieldReading {
  const entries = Object.entries(schema.entries ?? {});
  return objectOf(path.inside(() => readNestedFields(entries, (entry, failKey) => read(entry, path, failKey), fail)));
}


/**
 * A lazy schema stands for what its getter gives. The getter is given the value being validated;
 * Ommi calls it without one, as a recursive schema's getter ignores it.
 */
function readLazy(schema: ValibotNode, path: SchemaPath, fail: Fail): FieldReading {
  let resolved: ValibotNode;
  try {
    resolved = (schema.getter as (input: unknown) => ValibotNode)(undefined);
  } catch {
    return unreadable(`its v.lazy getter picks a schema by the value it is given, which Ommi cannot know before it has one; store it as a JSON value: ${path.storedAs("json")}`);
  }
  return read(resolved, path, fail);
}


/**
 * Which missing values (undefined, null) an optional, nullable or nullish wrapper can let out, of
 * those it stands for. Without a default, each. With one, Valibot puts the default in their place
 * and returns it as it is when it is itself a missing value (`v.nullish(v.string(), null)` gives
 * null), while any other default goes through the wrapped schema, whose reading covers it.
 */
function comesOut(schema: ValibotNode): { readonly undefined: boolean; readonly null: boolean } {
  if (schema.default === undefined) return { undefined: true, null: true };
  const fill = readDefault(() => valueOf(schema.default));
  return { undefined: mayGive(fill, undefined), null: mayGive(fill, null) };
}

/** A default or fallback as Valibot's `getDefault` and `getFallback` give it: a function is called. */
function valueOf(defaultOrFallback: unknown): unknown {
  return typeof defaultOrFallback === "function" ? (defaultOrFallback as () => unknown)() : defaultOrFallback;
}

function readWrapped(schema: ValibotNode, path: SchemaPath, fail: Fail): FieldReading {
  if (!schema.wrapped) throw fail(`Valibot ${schema.type} without a wrapped schema`);
  return read(schema.wrapped, path, fail);
}

/** A wrapper adds to the flags of the schema it wraps, never takes away: `v.optional(v.nullable(...))` is both. */
function widened(reading: FieldReading, flags: { readonly optional?: boolean; readonly nullable?: boolean }): FieldReading {
  return { ...reading, optional: reading.optional || flags.optional === true, nullable: reading.nullable || flags.nullable === true };
}

/**
 * A pipe stores what comes out of its last step. Schemas in it set the type, `v.integer()` narrows a
 * number, and a transformation keeps, converts or (for `v.transform`) hides the type.
 */
function readPipe(pipe: readonly ValibotNode[], path: SchemaPath, fail: Fail): FieldReading {
  let reading: FieldReading | undefined;
  for (const step of pipe) {
    if (step.kind === "schema") reading = read(step, path, fail);
    else if (step.kind === "validation" && INTEGER_CHECKS.has(step.type) && reading?.type === "float") reading = { ...reading, type: "integer" };
    else if (step.kind === "transformation") reading = transformed(reading, step.type);
  }
  if (!reading) {
    throw fail(problems.unreadableTransform("store the input type and convert in your code, or end the pipe with a schema (v.pipe(v.string(), v.transform(Number), v.number()))"));
  }
  return reading;
}

/** The reading after one transformation, or `undefined` when its output type cannot be known. */
function transformed(reading: FieldReading | undefined, type: string): FieldReading | undefined {
  if (TYPE_KEEPING.has(type)) return reading;
  // JSON.parse gives any JSON value, null included.
  if (type === "parse_json") return { ...scalar("json"), nullable: true };
  const converted = CONVERSIONS.get(type);
  return converted ? scalar(converted) : undefined;
}
