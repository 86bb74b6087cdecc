import type { ValueType } from "../../../src/kit/driver.js";

// Pieces of the code that the encoders (encoder.ts) and the converters (decoder.ts) generate.

/**
 * The functions of one piece of generated code, one per type node, named by a prefix and a number
 * in the order they are first asked for (a recursive type refers to its own function).
 */
export class GeneratedFunctions {
  readonly #names = new Map<ValueType, string>();
  readonly #functions: string[] = [];

  constructor(private readonly prefix: string) {}

  /** The name of `type`'s function, its source written by `body` the first time it is asked for. */
  name(type: ValueType, body: () => string): string {
    let name = this.#names.get(type);
    if (name) return name;
    name = `${this.prefix}${this.#names.size}`;
    this.#names.set(type, name);
    this.#functions.push(`function ${name}(v) { ${body()} }`);
    return name;
  }

  /** The source of every function, then a return of the one named `root`. */
  source(root: string): string {
    return `${this.#functions.join("\n")}\nreturn ${root};`;
  }
}

/** `value[key]` in generated code, for a key that is an own property only: `__proto__` would read the prototype. */
export function read(value: string, key: string): string {
  const quoted = JSON.stringify(key);
  return key === "__proto__" ? `(Object.hasOwn(${value}, ${quoted}) ? ${value}[${quoted}] : undefined)` : `${value}[${quoted}]`;
}
