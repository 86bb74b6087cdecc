import type { ModelClass } from "../../src/kit/adapter.js";
import type { ClassShape } from "./class-shape.js";

/**
 * An instance of the class holding `values`, made without calling the constructor: a constructor may
 * need arguments or do work that only suits new objects, and a row read back is not a new object.
 * This is also the fastest way on the read path (no class-transformer pass per row). Property
 * initialisers do not run, so a default written as `= value` applies only to objects made with `new`.
 */
export function toInstance<T extends object>(cls: ModelClass<T>, values: Record<string, unknown>): T {
  return Object.assign(Object.create(cls.prototype as object) as T, values);
}

/**
 * Turns a stored row into an instance of the model's class, and each value of a `@ValidateNested()`
 * property into an instance of its class (each item, for an array), as class-transformer's
 * `plainToInstance` would but without calling constructors (see toInstance). A class without nested
 * properties is rebuilt in one step.
 */
export function hydrator(shape: ClassShape): (row: Record<string, unknown>) => object {
  let nested: readonly (readonly [string, () => ClassShape])[] | undefined;
  return (row) => {
    nested ??= [...shape.properties].flatMap(([name, property]) => (property.nested ? [[name, property.nested] as const] : []));
    const instance = toInstance(shape.cls, row) as Record<string, unknown>;
    for (const [name, shapeOf] of nested) {
      const value = instance[name];
      if (value !== undefined && value !== null) instance[name] = hydrateValue(shapeOf(), value);
    }
    return instance;
  };
}

const hydrators = new WeakMap<ClassShape, (row: Record<string, unknown>) => object>();

function hydrateValue(shape: ClassShape, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => hydrateValue(shape, item));
  if (typeof value !== "object" || value === null || value instanceof Date || value instanceof Uint8Array) return value;
  let hydrate = hydrators.get(shape);
  if (!hydrate) hydrators.set(shape, (hydrate = hydrator(shape)));
  return hydrate(value as Record<string, unknown>);
}
