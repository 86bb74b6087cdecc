import { quote, type FieldType, type SchemaField } from "../../src/kit/adapter.js";
import { collectionOf, objectOf, readField, readNestedFields, scalar, type Fail, type FieldReading } from "../shared/field-reading.js";
import { readLiterals } from "../shared/literals.js";
import { problems } from "../shared/problems.js";
import { readUnion } from "../shared/union.js";
import { isRecursive, isThis, isTuple, type TypeBoxNode } from "./schema-node.js";

export type { TypeBoxNode } from "./schema-node.js";

const SCALARS = new Map<unknown, FieldType>([["string", "string"], ["integer", "integer"], ["number", "float"], ["boolean", "boolean"], ["bigint", "bigint"]]);
// TypeBox 1.x has no Date or Uint8Array type (JSON Schema has neither); see readInstance.
const INSTANCES = new Map<unknown, { readonly type: FieldType; readonly recipe: string }>([
  ["Date", { type: "date", recipe: 'Type.Refine(Type.Unsafe<Date>({ instanceOf: "Date" }), (value) => value instanceof Date)' }],
  ["Uint8Array", { type: "binary", recipe: 'Type.Refine(Type.Unsafe<Uint8Array>({ instanceOf: "Uint8Array" }), (value) => value instanceof Uint8Array)' }],
  ["Buffer", { type: "binary", recipe: 'Type.Refine(Type.Unsafe<Buffer>({ instanceOf: "Buffer" }), (value) => Buffer.isBuffer(value))' }],
]);
const JSON_KINDS = new Set(["Any", "Unknown"]);
/** Any JSON value, null included: what Any and Unknown (and an array without an item type) take. */
const ANY_JSON: FieldReading = { ...scalar("json"), nullable: true };
const SUPPORTED =
  'String, Integer, Number, Boolean, BigInt, Literal, Enum, Object, Array, Tuple, Record, Any, Unknown, a Union of objects or of literals, a Date or Uint8Array (Type.Unsafe<Date>({ instanceOf: "Date" }) with a Type.Refine)';

/** Where a reading is: the model field, and whether inside its value (where a Stored marker can only name the whole field's type). */
interface Place {
  readonly field: string;
  readonly nested: boolean;
}

/** Reads one property of a `Type.Object` into an Ommi field; `optional` is whether the object requires it. */
export function readTypeBoxField(modelName: string, name: string, schema: TypeBoxNode, optional: boolean): SchemaField {
  return readField(modelName, name, (fail) => ({ ...read(schema, { field: name, nested: false }, fail), optional }));
}

/** Whether a Type.Cyclic's own type takes null (a JSON type's union with Type.Null()). */
function cyclicTakesNull(schema: TypeBoxNode): boolean {
  const defs = (schema as { readonly $defs?: Readonly<Record<string, TypeBoxNode>> }).$defs ?? {};
  const own = typeof schema.$ref === "string" ? defs[schema.$ref] : undefined;
  return own !== undefined && (own.type === "null" || (own.anyOf ?? []).some((member) => member.type === "null"));
}

function read(schema: TypeBoxNode, place: Place, fail: Fail): FieldReading {
  if (schema["~codec"] !== undefined) {
    throw fail("a Codec's decoded type cannot be read from the schema, and Ommi stores the value TypeBox checks; store the encoded type and decode in your code");
  }
  const instance = INSTANCES.get(schema.instanceOf);
  if (instance) return readInstance(schema, instance, fail);
  // A type that holds itself (Type.Cyclic; Type.This, which is the whole model) is stored as one JSON value, which holds any depth.
  if (isRecursive(schema)) return { ...scalar("json"), nullable: cyclicTakesNull(schema) };
  if (isThis(schema)) return scalar("json");
  if (typeof schema.$ref === "string") {
    throw fail(`Type.Ref(${quote(schema.$ref)}) names a schema outside this one, which neither TypeBox nor Ommi can see here; write the type in place, or for a recursive type use Type.Cyclic (stored as a JSON value)`);
  }
  if (JSON_KINDS.has(schema["~kind"] ?? "")) return ANY_JSON;
  if (schema.const !== undefined) return readLiterals([schema.const], fail);
  if (schema.enum) return readLiterals(schema.enum, fail);
  if (schema.anyOf) return readAnyOf(schema.anyOf, place, fail);
  if (schema.type === "object") return readObject(schema, place, fail);
  if (schema.type === "array") return readArray(schema, place, fail);
  const scalarType = SCALARS.get(schema.type);
  if (scalarType) return scalar(scalarType);
  // Type.Unsafe is read by the JSON Schema it carries (`{ type: "string", format: "uuid" }`); one that carries none says nothing.
  if (schema["~unsafe"] !== undefined) return unknownContent("a Type.Unsafe schema", place, fail);
  throw fail(problems.unsupportedType("TypeBox", schema["~kind"] ?? JSON.stringify(schema), SUPPORTED));
}

/**
 * TypeBox 1.x has no Date or Uint8Array type; its author's recipe is a refined Unsafe type. Ommi
 * reads `instanceOf` (the keyword TypeBox 0.x's `Type.Date()` emitted) and asks for the
 * refinement, without which TypeBox would accept any value at all.
 */
function readInstance(schema: TypeBoxNode, { type, recipe }: { readonly type: FieldType; readonly recipe: string }, fail: Fail): FieldReading {
  if (schema["~refine"] === undefined) throw fail(`${type === "date" ? "a date" : "binary data"} needs a check TypeBox can run: ${recipe}`);
  return scalar(type);
}

function unknownContent(what: string, place: Place, fail: Fail): never {
  throw fail(problems.unknownContent(what, place.nested ? problems.storedWhole(place.field) : problems.storedAdvice(place.field)));
}

/** A union: of one type and null, of literals of one type, or of objects (told apart by a literal key when they have one). */
function readAnyOf(members: readonly TypeBoxNode[], place: Place, fail: Fail): FieldReading {
  const nonNull = members.filter((member) => member.type !== "null");
  const readings = nonNull.map((member) => read(member, place, fail));
  const json = readings.find((reading) => reading.type === "json");
  if (json) return { ...json, nullable: json.nullable || nonNull.length < members.length };
  return readUnion(readings, nonNull.length < members.length, fail);
}

function readObject(schema: TypeBoxNode, place: Place, fail: Fail): FieldReading {
  const inside: Place = { field: place.field, nested: true };
  const values = schema.patternProperties ? Object.values(schema.patternProperties) : [];
  if (values.length > 0) {
    const [value] = values;
    if (values.length > 1 || schema.properties) throw fail(`an object with several kinds of keys cannot be stored as one record; split it into fields, or store it as a JSON value: ${storedAs(place, "json")}`);
    return collectionOf("record", read(value as TypeBoxNode, inside, fail), fail);
  }
  if (typeof schema.additionalProperties === "object") {
    throw fail(`an object whose undeclared keys have a type of their own (additionalProperties: ...) cannot be stored with its known keys; put those keys in a Type.Record of their own, or store it as a JSON value: ${storedAs(place, "json")}`);
  }
  // JSON Schema's `{ type: "object" }` (a Type.Unsafe's) takes any object.
  if (!schema.properties) return collectionOf("record", ANY_JSON, fail);
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(([name, property]) => [name, { property, optional: !required.has(name) }] as const);
  return objectOf(readNestedFields(entries, ({ property, optional }, keyFail) => ({ ...read(property, inside, keyFail), optional }), fail));
}

/** An array; a tuple is an array of its items' common type (objects: a union of them). */
function readArray(schema: TypeBoxNode, place: Place, fail: Fail): FieldReading {
  const inside: Place = { field: place.field, nested: true };
  const { items } = schema;
  if (items === undefined) return collectionOf("array", ANY_JSON, fail);
  if (!isTuple(items)) return collectionOf("array", read(items, inside, fail), fail);
  if (items.length === 0) throw fail(`an empty tuple holds nothing to store; leave the field out, or store it as a JSON value: ${storedAs(place, "json")}`);
  const tupleFail: Fail = (problem) => fail(`a tuple is stored as an array of its items' one type, and ${problem}`);
  const readings = items.map((item) => read(item, inside, tupleFail));
  return collectionOf("array", readUnion(readings, false, tupleFail), fail);
}

function storedAs(place: Place, type: string): string {
  return place.nested ? problems.storedWhole(place.field) : problems.storedAdvice(place.field, type);
}
