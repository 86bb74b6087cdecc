import type { ValueType } from "../../../src/kit/driver.js";
import { GeneratedFunctions, read } from "./generated-code.js";
import { comparedJsonText, holdsNegativeZero } from "./negative-zero.js";
import { holdsNumbers, stringifiesExactly } from "./type-facts.js";
import { optionOfValue } from "./union-options.js";

// How SQL databases hold structured values (objects, arrays, records, JSON values, unions): one
// column of JSON text, written and read back exactly. Where JSON has no type of its own, a value
// is written as:
// - a Date (in a typed position): its milliseconds since the epoch, a JSON number;
// - a bigint: a JSON string of its decimal digits (JSON.parse would round a number past 2^53);
// - binary data: a JSON string of its bytes in base64;
// - -0: `-0` (JSON.parse gives -0 back; JSON.stringify would write 0).
// Typed objects write their keys in the schema's order, then any keys a loose schema let through
// (as JSON values); keys whose value is undefined are left out. Reading is JSON.parse, then a
// conversion only at the typed positions that hold a Date, a bigint or binary data: a type
// without them reads with JSON.parse alone. Both directions are generated once per type, as the
// row mapper is (../row-mapper.ts), and kept per type object.

/** A value of a type → its JSON text. The value was checked already (valueProblem): it is a value of the type. */
export type JsonEncode = (value: unknown) => string;

const encoders = new WeakMap<ValueType, JsonEncode>();
const comparedEncoders = new WeakMap<ValueType, JsonEncode>();

/** The JSON text of values of `type` (not null: the column is NULL then). */
export function jsonEncoder(type: ValueType): JsonEncode {
  let encode = encoders.get(type);
  if (!encode) encoders.set(type, (encode = new EncoderCode().build(type)));
  return encode;
}

/**
 * The JSON text of values of `type` as `eq` compares them: as stored, except that -0 is written
 * 0 (equal values: -0 equals 0, as in JavaScript). Compared with stored text made the same way
 * (`zeroedJsonText`, and each dialect's JsonAccess.zeroed).
 */
export function comparedJsonEncoder(type: ValueType): JsonEncode {
  if (!holdsNumbers(type)) return jsonEncoder(type);
  let encode = comparedEncoders.get(type);
  if (!encode) comparedEncoders.set(type, (encode = new EncoderCode(false).build(type)));
  return encode;
}

/**
 * The JSON text of a JSON value (anything JSON can hold), keeping -0. JSON.stringify writes the
 * same text for every other value, and faster: a walk that finds no -0 costs less than writing.
 */
export function jsonText(value: unknown): string {
  return holdsNegativeZero(value, 0) ? writeJson(value, true) : JSON.stringify(value);
}

function writeJson(value: unknown, keepNegativeZero: boolean): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return keepNegativeZero && value === 0 && 1 / value < 0 ? "-0" : String(value);
    case "boolean":
      return value ? "true" : "false";
    default:
      break;
  }
  if (value === null) return "null";
  if (Array.isArray(value)) {
    const items = value as unknown[];
    let text = "[";
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      text += (index === 0 ? "" : ",") + (item === undefined ? "null" : writeJson(item, keepNegativeZero));
    }
    return `${text}]`;
  }
  let text = "{";
  let comma = "";
  for (const key in value as object) {
    if (!Object.hasOwn(value as object, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    text += `${comma}${JSON.stringify(key)}:${writeJson(item, keepNegativeZero)}`;
    comma = ",";
  }
  return `${text}}`;
}

/** A Uint8Array's bytes in base64, without copying them. */
function base64(bytes: Uint8Array): string {
  return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString("base64");
}

/**
 * The source of one function per type node (`e0`, `e1`, ...: a recursive type refers to its own
 * function), each returning the JSON text of a non-null value of its type. Keys and literals
 * enter the code only through JSON.stringify; union options only by index.
 */
class EncoderCode {
  readonly #functions = new GeneratedFunctions("e");
  readonly #unions: (readonly ValueType[])[] = [];

  /** `keepNegativeZero` false: -0 is written 0 (see comparedJsonEncoder). */
  constructor(private readonly keepNegativeZero = true) {}

  build(type: ValueType): JsonEncode {
    const root = this.#function(type);
    const body = this.#functions.source(root);
    // Generated code is the point here (see the top of this file); its inputs are JSON-quoted keys and indexes.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function("json", "base64", "optionOf", "unions", body) as (...helpers: unknown[]) => JsonEncode;
    return make(this.keepNegativeZero ? jsonText : comparedJsonText, base64, optionOfValue, this.#unions);
  }

  /** The name of the function that encodes a non-null value of a composite type. */
  #function(type: ValueType): string {
    return this.#functions.name(type, () => this.#body(type));
  }

  /** An expression for the JSON text of `x` (a variable name), a value of `type` or null where the type allows it. */
  #value(type: ValueType, x: string): string {
    const text = this.#nonNull(type, x);
    return type.nullable && type.type !== "json" ? `(${x} === null ? "null" : ${text})` : text;
  }

  #nonNull(type: ValueType, x: string): string {
    switch (type.type) {
      case "string":
        return `JSON.stringify(${x})`;
      case "integer":
      case "float":
        return this.keepNegativeZero ? `(${x} === 0 && 1 / ${x} < 0 ? "-0" : "" + ${x})` : `("" + ${x})`;
      case "boolean":
        return `(${x} ? "true" : "false")`;
      case "date":
        return `("" + ${x}.getTime())`;
      case "bigint":
        // A safe integer stands for a bigint in query values: the same digits either way.
        return `('"' + ${x} + '"')`;
      case "binary":
        return `('"' + base64(${x}) + '"')`;
      case "json":
        return `json(${x})`;
      default:
        return `${this.#function(type)}(${x})`;
    }
  }

  #body(type: ValueType): string {
    switch (type.type) {
      case "array":
        return this.#array(type.of as ValueType);
      case "record":
        return this.#record(type.of as ValueType);
      case "object":
        return this.#object(type);
      case "union":
        return this.#union(type);
      default:
        return `return ${this.#value(type, "v")};`;
    }
  }

  #array(of: ValueType): string {
    if (stringifiesExactly(of)) return "return JSON.stringify(v);";
    return [
      "const n = v.length;",
      'if (n === 0) return "[]";',
      "let x = v[0];",
      `let s = "[" + ${this.#value(of, "x")};`,
      `for (let i = 1; i < n; i++) { x = v[i]; s += "," + ${this.#value(of, "x")}; }`,
      'return s + "]";',
    ].join(" ");
  }

  #record(of: ValueType): string {
    if (stringifiesExactly(of)) return "return JSON.stringify(v);";
    return [
      'let s = "{", c = "";',
      `for (const k of Object.keys(v)) { const x = v[k]; if (x === undefined) continue; s += c + JSON.stringify(k) + ":" + ${this.#value(of, "x")}; c = ","; }`,
      'return s + "}";',
    ].join(" ");
  }

  #object(type: ValueType): string {
    const fields = type.fields ?? [];
    const lines = ['let s = "{", c = "", x;'];
    for (const field of fields) {
      const prefix = JSON.stringify(`${JSON.stringify(field.name)}:`);
      lines.push(`x = ${read("v", field.name)}; if (x !== undefined) { s += c + ${prefix} + ${this.#value(field, "x")}; c = ","; }`);
    }
    // Keys the schema does not declare (a loose object): written after the declared ones, as JSON values.
    const declared = fields.map((field) => `case ${JSON.stringify(field.name)}: continue;`).join(" ");
    lines.push(
      `for (const k in v) { ${declared ? `switch (k) { ${declared} }` : ""} if (!Object.hasOwn(v, k)) continue; x = v[k]; if (x === undefined) continue; s += c + JSON.stringify(k) + ":" + json(x); c = ","; }`,
    );
    lines.push('return s + "}";');
    return lines.join(" ");
  }

  #union(type: ValueType): string {
    const options = type.options ?? [];
    const { discriminator } = type;
    if (discriminator !== undefined) {
      const cases = options.map((option) => {
        const tag = option.fields?.find((field) => field.name === discriminator);
        const labels = (tag?.values ?? []).map((value) => `case ${JSON.stringify(value)}:`).join(" ");
        return labels ? `${labels} return ${this.#function(option)}(v);` : "";
      });
      return `switch (${read("v", discriminator)}) { ${cases.join(" ")} } throw new Error("the value names none of the union's options");`;
    }
    const index = this.#unions.push(options) - 1;
    const branches = options.map((option, position) => `case ${position}: return ${this.#function(option)}(v);`);
    return `switch (optionOf(unions[${index}], v)) { ${branches.join(" ")} }`;
  }
}
