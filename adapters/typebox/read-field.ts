import type { FieldType, SchemaField } from "../../src/kit/adapter.js";
import { readField, scalar, type Fail, type FieldReading } from "../shared/field-reading.js";
import { readLiterals } from "../shared/literals.js";
import { problems } from "../shared/problems.js";
import { readUnion } from "../shared/union.js";

/**
 * The parts of a TypeBox 1.x schema that Ommi reads: its JSON Schema keywords, which are TypeBox's
 * documented structure, and TypeBox's own `~` markers for what JSON Schema cannot say.
 */
export interface TypeBoxNode {
  readonly "~kind"?: string;
  readonly "~codec"?: unknown;
  readonly "~refine"?: unknown;
  readonly type?: unknown;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly TypeBoxNode[];
  readonly instanceOf?: unknown;
}

const SCALARS = new Map<unknown, FieldType>([["string", "string"], ["integer", "integer"], ["number", "float"], ["boolean", "boolean"], ["bigint", "bigint"]]);
const SUPPORTED = 'String, Integer, Number, Boolean, BigInt, Literal, Enum, a union of literals, or a Date (Type.Unsafe<Date>({ instanceOf: "Date" }) with a Type.Refine)';
const TEXT = "Type.String()";

/** Reads one property of a `Type.Object` into an Ommi field; `optional` is whether the object requires it. */
export function readTypeBoxField(modelName: string, name: string, schema: TypeBoxNode, optional: boolean): SchemaField {
  return readField(modelName, name, (fail) => ({ ...read(schema, fail), optional }));
}

function read(schema: TypeBoxNode, fail: Fail): FieldReading {
  if (schema["~codec"] !== undefined) {
    throw fail("a Codec's decoded type cannot be read from the schema, and Ommi stores the value TypeBox checks; store the encoded type and decode in your code");
  }
  if (schema.instanceOf === "Date") return readDate(schema, fail);
  if (schema.const !== undefined) return readLiterals([schema.const], fail);
  if (schema.enum) return readLiterals(schema.enum, fail);
  if (schema.anyOf) {
    const nonNull = schema.anyOf.filter((member) => member.type !== "null");
    return readUnion(nonNull.map((member) => read(member, fail)), nonNull.length < schema.anyOf.length, fail);
  }
  const scalarType = SCALARS.get(schema.type);
  if (scalarType) return scalar(scalarType);
  throw fail(unsupported(schema));
}

/**
 * TypeBox 1.x has no Date type (JSON Schema has none); its author's recipe is a refined Unsafe type.
 * Ommi reads `instanceOf: "Date"` (the keyword TypeBox 0.x's `Type.Date()` emitted) as a date, and
 * asks for the refinement, without which TypeBox would accept any value at all.
 */
function readDate(schema: TypeBoxNode, fail: Fail): FieldReading {
  if (schema["~refine"] === undefined) {
    throw fail('a date needs a check TypeBox can run: Type.Refine(Type.Unsafe<Date>({ instanceOf: "Date" }), (value) => value instanceof Date)');
  }
  return scalar("date");
}

function unsupported(schema: TypeBoxNode): string {
  if (schema.type === "object") return problems.nestedObject(TEXT);
  if (schema.type === "array") return problems.collection((schema["~kind"] ?? "array").toLowerCase(), TEXT);
  return problems.unsupportedType("TypeBox", schema["~kind"] ?? JSON.stringify(schema), SUPPORTED);
}
