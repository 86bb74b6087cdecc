import type { Encode } from "./dialect.js";
import { placeholderName } from "./drizzle.js";

/** One slot of a statement's parameter list: a constant, or a value to encode when bound (null too, when `encodesNull`). */
type Slot = { readonly constant: unknown } | { readonly source: "query" | "patch"; readonly index: number; readonly encode: Encode; readonly encodesNull: boolean };

const ENCODES_NULL = Symbol("ommi.encodesNull");

/** `encode`, also given null: for a value whose null is bound as something other than SQL NULL (see storesNullAsJson). */
export function encodingNull(encode: Encode): Encode {
  const encoder: Encode = (value) => encode(value);
  Object.defineProperty(encoder, ENCODES_NULL, { value: true });
  return encoder;
}

/**
 * A statement compiled once for a query shape: its text, and how to turn the values of any
 * query of that shape into its parameters. Nothing about it depends on the values.
 */
export class CompiledStatement {
  readonly #slots: readonly Slot[];

  constructor(
    readonly text: string,
    params: readonly unknown[],
    /** The encoder of each placeholder's value, by the placeholder's name (see Compilation). */
    encoders: ReadonlyMap<string, Encode>,
  ) {
    this.#slots = params.map((param): Slot => {
      const name = placeholderName(param);
      if (name === undefined) return { constant: param };
      const encode = encoders.get(name) ?? identity;
      const encodesNull = ENCODES_NULL in encode;
      return name.startsWith(PATCH_PREFIX)
        ? { source: "patch", index: Number(name.slice(PATCH_PREFIX.length)), encode, encodesNull }
        : { source: "query", index: Number(name), encode, encodesNull };
    });
  }

  /** The parameters for one call, in the order the text uses them. */
  bind(values: readonly unknown[], patch: readonly unknown[] = []): unknown[] {
    const slots = this.#slots;
    const params = new Array<unknown>(slots.length);
    for (let position = 0; position < slots.length; position++) {
      const slot = slots[position] as Slot;
      if ("constant" in slot) params[position] = slot.constant;
      else {
        const value = (slot.source === "query" ? values : patch)[slot.index];
        params[position] = value === undefined || (value === null && !slot.encodesNull) ? null : slot.encode(value);
      }
    }
    return params;
  }
}

/** Placeholders of an update's new values are named `s0`, `s1`, ...; those of its query `0`, `1`, ... */
export const PATCH_PREFIX = "s";

const identity: Encode = (value) => value;
