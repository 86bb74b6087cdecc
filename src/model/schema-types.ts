import type { StandardSchemaV1 } from "@standard-schema/spec";

/** A class whose instances are rows. */
export type ModelClass<T extends object = object> = abstract new (...args: never[]) => T;

/** The data fields of a class instance, as a plain object type (what `add` accepts for class models). */
export type ClassInput<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

/**
 * How `model()` learns the row and input types of a schema. Each member maps the schemas of
 * one family to `{ row, input }` and to `never` for all others. Adapters for libraries without
 * Standard Schema types add a member by declaration merging (see adapters/typebox).
 */
export interface SchemaTypes<S> {
  standard: S extends StandardSchemaV1<infer I, infer O> ? { row: O; input: I } : never;
  class: S extends ModelClass<infer T> ? { row: T; input: ClassInput<T> | T } : never;
}

type Inferred<S> = SchemaTypes<S>[keyof SchemaTypes<S>];

/** The row type of a schema: what `find` returns. */
export type SchemaRow<S> = Inferred<S> extends { row: infer R } ? R : never;
/** The input type of a schema: what `add` accepts. */
export type SchemaInput<S> = Inferred<S> extends { input: infer I } ? I : never;
