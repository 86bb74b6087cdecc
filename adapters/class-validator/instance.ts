import type { ModelClass } from "../../src/kit/adapter.js";

/**
 * An instance of the class holding `values`, made without calling the constructor: a constructor may
 * need arguments or do work that only suits new objects, and a row read back is not a new object.
 * This is also the fastest way on the read path (no class-transformer pass per row). Property
 * initialisers do not run, so a default written as `= value` applies only to objects made with `new`.
 */
export function toInstance<T extends object>(cls: ModelClass<T>, values: Record<string, unknown>): T {
  return Object.assign(Object.create(cls.prototype as object) as T, values);
}
