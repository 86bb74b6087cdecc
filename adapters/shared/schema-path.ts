import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { FieldReading } from "./field-reading.js";
import { problems } from "./problems.js";

/** How deep a field's type may nest before Ommi stops reading it. */
export const MAX_DEPTH = 64;

/** Thrown when reading `schema` reaches `schema` again; caught where that reading began. */
class Recursion extends Error {
  constructor(readonly schema: unknown) {
    super("a schema holds itself");
  }
}

/** Thrown when a type nests deeper than MAX_DEPTH; the field is then refused. */
class TooDeep extends Error {}

/**
 * The schemas being read for one field, outermost first. A schema that holds itself (a recursive
 * `z.lazy`, a getter in a shape, `v.lazy`) would be read forever: the reading that meets a schema already on
 * the path stops, and the schema it met is stored as a JSON value, which holds any depth.
 */
export class SchemaPath {
  readonly #active = new Set<unknown>();
  #nesting = 0;

  constructor(
    /** The model field being read, for advice that names it. */
    readonly field: string,
  ) {}

  /**
   * How to name the stored type of what is being read: the field's own type, or (inside an object,
   * array or record, where a marker cannot reach) the whole field's, as a JSON value.
   */
  storedAs(type = "binary"): string {
    return this.isInside ? problems.storedWhole(this.field) : problems.storedAdvice(this.field, type);
  }

  /** Whether what is being read is a part of the field (a key, an item), where a marker cannot reach. */
  get isInside(): boolean {
    return this.#nesting > 0;
  }

  /** Reads the parts of a structured value (keys, items, values). */
  inside<T>(read: () => T): T {
    this.#nesting++;
    try {
      return read();
    } finally {
      this.#nesting--;
    }
  }

  /** Reads `schema` by `read`; if `schema` is met again inside, it is read as a whole by `recursive`. */
  enter<T>(schema: unknown, read: () => T, recursive: () => T): T {
    if (this.#active.has(schema)) throw new Recursion(schema);
    if (this.#active.size >= MAX_DEPTH) throw new TooDeep();
    this.#active.add(schema);
    try {
      return read();
    } catch (signal) {
      if (signal instanceof Recursion && signal.schema === schema) return recursive();
      throw signal;
    } finally {
      this.#active.delete(schema);
    }
  }

  /** Reads a whole field; a type too deep to read is the field's problem, with what to do. */
  readField(read: () => FieldReading, fail: (problem: string) => Error): FieldReading {
    try {
      return read();
    } catch (signal) {
      if (signal instanceof TooDeep) throw fail(problems.tooDeep(MAX_DEPTH, problems.storedAdvice(this.field, "json")));
      throw signal;
    }
  }
}

/** A recursive schema as one JSON value, null when the schema itself takes null (as z.json() does, or a union with v.null()). */
export function recursiveJson(schema: StandardSchemaV1): FieldReading {
  return { type: "json", optional: false, nullable: acceptsNull(schema) };
}

/** Whether the library takes null for `schema`; a schema that can only say so asynchronously may. */
function acceptsNull(schema: StandardSchemaV1): boolean {
  try {
    const result = schema["~standard"].validate(null);
    if (!(result instanceof Promise)) return !result.issues;
    result.catch(() => undefined);
    return true;
  } catch {
    return true;
  }
}
