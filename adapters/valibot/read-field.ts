import type { FieldType, SchemaField } from "../../src/kit/adapter.js";
import { joinUnchecked, mayGive, readDefault } from "../shared/defaults.js";
import { readField, scalar, type Fail, type FieldReading } from "../shared/field-reading.js";
import { readLiterals } from "../shared/literals.js";
import { problems } from "../shared/problems.js";
import { readUnion } from "../shared/union.js";

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
}

const SCALARS = new Map<string, FieldType>([["string", "string"], ["number", "float"], ["boolean", "boolean"], ["date", "date"], ["bigint", "bigint"]]);
const NESTED_OBJECTS = new Set(["object", "loose_object", "strict_object", "object_with_rest", "variant", "intersect"]);
const COLLECTIONS = new Set(["array", "tuple", "loose_tuple", "strict_tuple", "tuple_with_rest", "set", "map", "record"]);
const INTEGER_CHECKS = new Set(["integer", "safe_integer"]);
// Transformations whose output has the type of their input.
const TYPE_KEEPING = new Set([
  "brand", "flavor", "readonly", "guard", "normalize", "trim", "trim_start", "trim_end", "to_lower_case", "to_upper_case",
  "to_camel_case", "to_kebab_case", "to_pascal_case", "to_snake_case", "to_min_value", "to_max_value",
]);
// Transformations whose output type is fixed whatever their input.
const CONVERSIONS = new Map<string, FieldType>([
  ["to_number", "float"], ["to_string", "string"], ["to_date", "date"], ["to_bigint", "bigint"], ["to_boolean", "boolean"],
  ["parse_boolean", "boolean"], ["stringify_json", "string"],
]);
const SUPPORTED = "string, number, boolean, date, bigint, picklist, enum or literal";
const TEXT = "v.string()";

/** Reads one entry of a `v.object` into an Ommi field, or throws a `ModelError` saying what to do. */
export function readValibotField(modelName: string, name: string, schema: ValibotNode): SchemaField {
  return readField(modelName, name, (fail) => read(schema, fail));
}

function read(schema: ValibotNode, fail: Fail): FieldReading {
  const reading = readSchema(schema, fail);
  // v.fallback keeps the schema it wraps and adds the value it gives, unchecked, for a value that schema refuses.
  return schema.fallback === undefined ? reading : joinUnchecked(reading, readDefault(() => valueOf(schema.fallback)), "fallback", fail);
}

function readSchema(schema: ValibotNode, fail: Fail): FieldReading {
  if (schema.pipe) return readPipe(schema.pipe, fail);
  const scalarType = SCALARS.get(schema.type);
  if (scalarType) return scalar(scalarType);
  switch (schema.type) {
    case "picklist":
    case "enum":
      return readLiterals(schema.options ?? [], fail);
    case "literal":
      return readLiterals([schema.literal], fail);
    case "optional":
    case "undefinedable":
      return widened(readWrapped(schema, fail), { optional: comesOut(schema).undefined });
    case "exact_optional":
      // Its default (for a missing key) goes through the wrapped schema like any value: only no default leaves the key out.
      return widened(readWrapped(schema, fail), { optional: schema.default === undefined });
    case "nullable":
      return widened(readWrapped(schema, fail), { nullable: comesOut(schema).null });
    case "nullish": {
      const out = comesOut(schema);
      return widened(readWrapped(schema, fail), { optional: out.undefined, nullable: out.null });
    }
    case "non_optional":
      return { ...readWrapped(schema, fail), optional: false };
    case "non_nullable":
      return { ...readWrapped(schema, fail), nullable: false };
    case "non_nullish":
      return { ...readWrapped(schema, fail), optional: false, nullable: false };
    case "union": {
      const members = (schema.options ?? []) as readonly ValibotNode[];
      const nonNull = members.filter((member) => member.type !== "null");
      return readUnion(nonNull.map((member) => read(member, fail)), nonNull.length < members.length, fail);
    }
    default:
      throw fail(unsupported(schema.type));
  }
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

function readWrapped(schema: ValibotNode, fail: Fail): FieldReading {
  if (!schema.wrapped) throw fail(`Valibot ${schema.type} without a wrapped schema`);
  return read(schema.wrapped, fail);
}

/** A wrapper adds to the flags of the schema it wraps, never takes away: `v.optional(v.nullable(...))` is both. */
function widened(reading: FieldReading, flags: { readonly optional?: boolean; readonly nullable?: boolean }): FieldReading {
  return { ...reading, optional: reading.optional || flags.optional === true, nullable: reading.nullable || flags.nullable === true };
}

/**
 * A pipe stores what comes out of its last step. Schemas in it set the type, `v.integer()` narrows a
 * number, and a transformation keeps, converts or (for `v.transform`) hides the type.
 */
function readPipe(pipe: readonly ValibotNode[], fail: Fail): FieldReading {
  let reading: FieldReading | undefined;
  for (const step of pipe) {
    if (step.kind === "schema") reading = read(step, fail);
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
  const converted = CONVERSIONS.get(type);
  return converted ? scalar(converted) : undefined;
}

function unsupported(type: string): string {
  if (NESTED_OBJECTS.has(type)) return problems.nestedObject(TEXT);
  if (COLLECTIONS.has(type)) return problems.collection(type, TEXT);
  return problems.unsupportedType("Valibot", type, SUPPORTED);
}
