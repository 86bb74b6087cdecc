import { isPlainObject, valueProblem, type ValueType } from "../../src/kit/driver.js";

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
// row mapper is (row-mapper.ts), and kept per type object.

/** A value of a type → its JSON text. The value was checked already (valueProblem): it is a value of the type. */
export type JsonEncode = (value: unknown) => string;

/** What JSON.parse gave for a stored value of a type → the value. Containers are converted in place. */
export type JsonConvert = (parsed: unknown) => unknown;

/** Stored JSON text of a type → the value. */
export type JsonDecode = (text: unknown) => unknown;

const encoders = new WeakMap<ValueType, JsonEncode>();
const comparedEncoders = new WeakMap<ValueType, JsonEncode>();
const converters = new WeakMap<ValueType, JsonConvert | null>();
const decoders = new WeakMap<ValueType, JsonDecode>();
const arrayTypes = new WeakMap<ValueType, ValueType>();

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

/** `-0` where it is a number in JSON text written by Ommi (not inside a string): what `zeroedJsonText` rewrites. */
export const NEGATIVE_ZERO = /"(?:[^"\\]|\\.)*"|-0(?=[,\]}]|$)/g;

/** Stored JSON text with every number -0 written 0: the text `eq` compares (see comparedJsonEncoder). */
export function zeroedJsonText(text: string): string {
  return text.includes("-0") ? text.replace(NEGATIVE_ZERO, (match) => (match === "-0" ? "0" : match)) : text;
}

/** Whether a value of `type` may hold a number, so that its stored text may hold -0 (a Date's milliseconds never are -0). */
export function holdsNumbers(type: ValueType): boolean {
  return reaches(type, (each) => each.type === "integer" || each.type === "float" || each.type === "json");
}

/** What turns JSON.parse's result into the value of `type`, or undefined when JSON.parse gives the value already. */
export function jsonConverter(type: ValueType): JsonConvert | undefined {
  let convert = converters.get(type);
  if (convert === undefined) converters.set(type, (convert = holdsConverted(type) ? new ConverterCode().build(type) : null));
  return convert ?? undefined;
}

/** Stored JSON text → the value of `type`. */
export function jsonDecoder(type: ValueType): JsonDecode {
  let decode = decoders.get(type);
  if (!decode) {
    const convert = jsonConverter(type);
    decode = convert ? (text) => convert(JSON.parse(text as string)) : (text) => JSON.parse(text as string) as unknown;
    decoders.set(type, decode);
  }
  return decode;
}

/** The type of an array of `item`s, one object per item type (so that its encoder is made once too): for lists of items. */
export function arrayOf(item: ValueType): ValueType {
  let type = arrayTypes.get(item);
  if (!type) arrayTypes.set(item, (type = Object.freeze({ type: "array", nullable: false, of: item })));
  return type;
}

/** Whether any position of `type` holds a Date, a bigint or binary data: what JSON.parse alone does not give back. */
export function holdsConverted(type: ValueType): boolean {
  return reaches(type, (each) => each.type === "date" || each.type === "bigint" || each.type === "binary");
}

/** Whether some type in `type`'s tree (itself, its keys, items, values and options, however deep) is one `is` accepts. */
function reaches(type: ValueType, is: (type: ValueType) => boolean): boolean {
  const seen = new Set<ValueType>();
  const visit = (each: ValueType): boolean => {
    if (seen.has(each)) return false;
    seen.add(each);
    if (is(each)) return true;
    switch (each.type) {
      case "object":
        return (each.fields ?? []).some(visit);
      case "array":
      case "record":
        return each.of ? visit(each.of) : false;
      case "union":
        return (each.options ?? []).some(visit);
      default:
        return false;
    }
  };
  return visit(type);
}

/**
 * The JSON text of a JSON value (anything JSON can hold), keeping -0. JSON.stringify writes the
 * same text for every other value, and faster: a walk that finds no -0 costs less than writing.
 */
export function jsonText(value: unknown): string {
  return holdsNegativeZero(value, 0) ? writeJson(value, true) : JSON.stringify(value);
}

/** The JSON text of a JSON value with -0 written 0, as `eq` compares it: JSON.stringify's. */
function comparedJsonText(value: unknown): string {
  return JSON.stringify(value);
}

function holdsNegativeZero(value: unknown, depth: number): boolean {
  if (typeof value === "number") return value === 0 && 1 / value < 0;
  if (typeof value !== "object" || value === null || depth > 256) return false;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) if (holdsNegativeZero(value[index], depth + 1)) return true;
    return false;
  }
  for (const key in value) if (holdsNegativeZero((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
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

/** The option of a union without a discriminator that a value is written as: the first it is a value of, without keys the option does not declare if one fits so. */
export function optionOfValue(options: readonly ValueType[], value: unknown): number {
  const strict = options.findIndex((option) => hasOnlyDeclaredKeys(option, value) && valueProblem(option, value) === undefined);
  if (strict >= 0) return strict;
  const loose = options.findIndex((option) => valueProblem(option, value) === undefined);
  if (loose < 0) throw new Error("the value is of none of the union's options (it was checked before it reached the driver)");
  return loose;
}

/** The option a stored object of a union without a discriminator is read as: the first whose keys and stored values it fits (see optionOfValue). */
function optionOfStored(options: readonly ValueType[], parsed: unknown): number {
  const strict = options.findIndex((option) => hasOnlyDeclaredKeys(option, parsed) && fitsStored(option, parsed, 0));
  if (strict >= 0) return strict;
  return options.findIndex((option) => fitsStored(option, parsed, 0));
}

/**
 * The option a value of a union without a discriminator will be read back as, once stored: its
 * Dates, bigints and binary data are numbers and strings in JSON, so another option than the one
 * it is of may fit it first (a Date where an earlier option has a number). See UnionRefusal.
 */
export function optionReadBack(options: readonly ValueType[], value: unknown): number {
  return optionOfStored(options, asStored(value, 0));
}

/** A value as JSON.parse gives it back: Dates as numbers, bigints and binary data as strings. */
function asStored(value: unknown, depth: number): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "bigint") return String(value);
  if (value instanceof Uint8Array) return "";
  if (depth > 256 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => asStored(item, depth + 1));
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, asStored(item, depth + 1)]));
}

function hasOnlyDeclaredKeys(option: ValueType, value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const declared = new Set((option.fields ?? []).map((field) => field.name));
  return Object.keys(value).every((key) => declared.has(key) || value[key] === undefined);
}

const DIGITS = /^-?\d+$/;

/** Whether parsed JSON is what a value of `type` is stored as. */
function fitsStored(type: ValueType, parsed: unknown, depth: number): boolean {
  if (parsed === null) return type.nullable || type.type === "json";
  if (depth > 256) return false;
  switch (type.type) {
    case "string":
    case "binary":
      return typeof parsed === "string";
    case "bigint":
      return typeof parsed === "string" && DIGITS.test(parsed);
    case "integer":
    case "date":
      return Number.isSafeInteger(parsed);
    case "float":
      return typeof parsed === "number";
    case "boolean":
      return typeof parsed === "boolean";
    case "json":
      return true;
    case "array":
      return Array.isArray(parsed) && parsed.every((item) => fitsStored(type.of as ValueType, item, depth + 1));
    case "record":
      return isPlainObject(parsed) && Object.values(parsed).every((item) => fitsStored(type.of as ValueType, item, depth + 1));
    case "union":
      return (type.options ?? []).some((option) => fitsStored(option, parsed, depth));
    case "object":
      return isPlainObject(parsed) && (type.fields ?? []).every((field) => (parsed[field.name] === undefined ? field.optional : fitsStored(field, parsed[field.name], depth + 1)));
  }
}

/** `value[key]` in generated code, for a key that is an own property only: `__proto__` would read the prototype. */
function read(value: string, key: string): string {
  const quoted = JSON.stringify(key);
  return key === "__proto__" ? `(Object.hasOwn(${value}, ${quoted}) ? ${value}[${quoted}] : undefined)` : `${value}[${quoted}]`;
}

/** Item types whose arrays and records JSON.stringify writes exactly as Ommi does: it cannot tell -0, Dates or bigints from other values. */
function stringifiesExactly(type: ValueType): boolean {
  return type.type === "string" || type.type === "boolean";
}

/**
 * The source of one function per type node (`e0`, `e1`, ...: a recursive type refers to its own
 * function), each returning the JSON text of a non-null value of its type. Keys and literals
 * enter the code only through JSON.stringify; union options only by index.
 */
class EncoderCode {
  readonly #names = new Map<ValueType, string>();
  readonly #functions: string[] = [];
  readonly #unions: (readonly ValueType[])[] = [];

  /** `keepNegativeZero` false: -0 is written 0 (see comparedJsonEncoder). */
  constructor(private readonly keepNegativeZero = true) {}

  build(type: ValueType): JsonEncode {
    const root = this.#function(type);
    const body = `${this.#functions.join("\n")}\nreturn ${root};`;
    // Generated code is the point here (see the top of this file); its inputs are JSON-quoted keys and indexes.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function("json", "base64", "optionOf", "unions", body) as (...helpers: unknown[]) => JsonEncode;
    return make(this.keepNegativeZero ? jsonText : comparedJsonText, base64, optionOfValue, this.#unions);
  }

  /** The name of the function that encodes a non-null value of a composite type. */
  #function(type: ValueType): string {
    let name = this.#names.get(type);
    if (name) return name;
    name = `e${this.#names.size}`;
    this.#names.set(type, name);
    this.#functions.push(`function ${name}(v) { ${this.#body(type)} }`);
    return name;
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

/**
 * The source of one converter per type node that holds a Date, a bigint or binary data (`c0`,
 * `c1`, ...): each turns JSON.parse's value into the type's value, in place for containers
 * (JSON.parse's own objects: a `__proto__` key of theirs is a plain own property).
 */
class ConverterCode {
  readonly #names = new Map<ValueType, string>();
  readonly #functions: string[] = [];
  readonly #unions: (readonly ValueType[])[] = [];
  readonly #holds = new Map<ValueType, boolean>();

  build(type: ValueType): JsonConvert {
    const root = this.#function(type);
    const body = `${this.#functions.join("\n")}\nreturn ${root};`;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function("Buffer", "optionOf", "unions", body) as (...helpers: unknown[]) => JsonConvert;
    return make(Buffer, optionOfStored, this.#unions);
  }

  #holdsConverted(type: ValueType): boolean {
    let holds = this.#holds.get(type);
    if (holds === undefined) this.#holds.set(type, (holds = holdsConverted(type)));
    return holds;
  }

  #function(type: ValueType): string {
    let name = this.#names.get(type);
    if (name) return name;
    name = `c${this.#names.size}`;
    this.#names.set(type, name);
    this.#functions.push(`function ${name}(v) { ${this.#body(type)} }`);
    return name;
  }

  /** An expression for the value of non-null parsed `x` of `type`, which holds something to convert. */
  #value(type: ValueType, x: string): string {
    switch (type.type) {
      case "date":
        return `new Date(${x})`;
      case "bigint":
        return `BigInt(${x})`;
      case "binary":
        return `Buffer.from(${x}, "base64")`;
      default:
        return `${this.#function(type)}(${x})`;
    }
  }

  #body(type: ValueType): string {
    switch (type.type) {
      case "array": {
        const of = type.of as ValueType;
        return `for (let i = 0; i < v.length; i++) { const x = v[i]; if (x !== null) v[i] = ${this.#value(of, "x")}; } return v;`;
      }
      case "record": {
        const of = type.of as ValueType;
        return `for (const k in v) { const x = v[k]; if (x !== null) v[k] = ${this.#value(of, "x")}; } return v;`;
      }
      case "object": {
        const lines = ["let x;"];
        for (const field of type.fields ?? []) {
          if (!this.#holdsConverted(field)) continue;
          lines.push(`x = ${read("v", field.name)}; if (x !== undefined && x !== null) v[${JSON.stringify(field.name)}] = ${this.#value(field, "x")};`);
        }
        lines.push("return v;");
        return lines.join(" ");
      }
      case "union":
        return this.#union(type);
      default:
        return `return ${this.#value(type, "v")};`;
    }
  }

  #union(type: ValueType): string {
    const options = type.options ?? [];
    const convert = (option: ValueType) => (this.#holdsConverted(option) ? `return ${this.#function(option)}(v);` : "return v;");
    const { discriminator } = type;
    if (discriminator !== undefined) {
      const cases = options.map((option) => {
        const tag = option.fields?.find((field) => field.name === discriminator);
        const labels = (tag?.values ?? []).map((value) => `case ${JSON.stringify(value)}:`).join(" ");
        return labels ? `${labels} ${convert(option)}` : "";
      });
      return `switch (${read("v", discriminator)}) { ${cases.join(" ")} } return v;`;
    }
    const index = this.#unions.push(options) - 1;
    const branches = options.map((option, position) => `case ${position}: ${convert(option)}`);
    return `switch (optionOf(unions[${index}], v)) { ${branches.join(" ")} } return v;`;
  }
}
