import type { ValueType } from "../../../src/kit/driver.js";
import { GeneratedFunctions, read } from "./generated-code.js";
import { holdsConverted } from "./type-facts.js";
import { optionOfStored } from "./union-options.js";

// Reading stored JSON text back: the format is described at the top of encoder.ts.

/** What JSON.parse gave for a stored value of a type → the value. Containers are converted in place. */
export type JsonConvert = (parsed: unknown) => unknown;

/** Stored JSON text of a type → the value. */
export type JsonDecode = (text: unknown) => unknown;

const converters = new WeakMap<ValueType, JsonConvert | null>();
const decoders = new WeakMap<ValueType, JsonDecode>();

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
    // A whole value may be JSON null (a field that stores its null so, see storesNullAsJson): nothing to convert.
    decode = convert
      ? (text) => {
          const parsed: unknown = JSON.parse(text as string);
          return parsed === null ? null : convert(parsed);
        }
      : (text) => JSON.parse(text as string) as unknown;
    decoders.set(type, decode);
  }
  return decode;
}

/**
 * The source of one converter per type node that holds a Date, a bigint or binary data (`c0`,
 * `c1`, ...): each turns JSON.parse's value into the type's value, in place for containers
 * (JSON.parse's own objects: a `__proto__` key of theirs is a plain own property).
 */
class ConverterCode {
  readonly #functions = new GeneratedFunctions("c");
  readonly #unions: (readonly ValueType[])[] = [];
  readonly #holds = new Map<ValueType, boolean>();

  build(type: ValueType): JsonConvert {
    const root = this.#function(type);
    const body = this.#functions.source(root);
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
    return this.#functions.name(type, () => this.#body(type));
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
