import { problems } from "../shared/problems.js";

/** Thrown when reading a class reaches that class again; caught where the reading of that class began. */
class Recursion extends Error {
  constructor(readonly cls: unknown) {
    super("a class that holds itself");
  }
}

/**
 * The classes being read for one model field, outermost first. A class that holds itself (a
 * category's subcategories, a comment's replies) would be read forever: the reading that meets a
 * class already on the path stops, and the class it met is stored as a JSON value, which holds
 * any depth (Zod's `z.lazy` reads the same way). A `shallow` path reads no class at all, only
 * what a property holds at its top (an object, an array, ...).
 */
export class ClassPath {
  readonly #active = new Set<unknown>();
  #nesting = 0;

  constructor(
    /** The model field being read, for advice that names it. */
    readonly field: string,
    readonly shallow = false,
  ) {}

  /**
   * How to name the stored type of what is being read: the field's own type, or (inside an object
   * or array, where a marker cannot reach) the whole field's, as a JSON value.
   */
  storedAs(type = "json"): string {
    return this.#nesting === 0 ? `@Stored.${type}() on the property (or fields: { ${this.field}: Stored.${type} })` : problems.storedWhole(this.field);
  }

  /** Reads the parts of a structured value (its keys, its items). */
  inside<T>(read: () => T): T {
    this.#nesting++;
    try {
      return read();
    } finally {
      this.#nesting--;
    }
  }

  /** Reads `cls` by `read`; if `cls` is met again inside, it is read as a whole by `recursive`. */
  enter<T>(cls: unknown, read: () => T, recursive: () => T): T {
    if (this.#active.has(cls)) throw new Recursion(cls);
    this.#active.add(cls);
    try {
      return read();
    } catch (signal) {
      if (signal instanceof Recursion && signal.cls === cls) return recursive();
      throw signal;
    } finally {
      this.#active.delete(cls);
    }
  }
}
