import { Type } from "typebox";

// A project's shared TypeBox types, as TypeBox 1.x projects define them once and reuse them.

/** TypeBox 1.x has no Date type: an Unsafe<Date> refined so that TypeBox really checks it. */
export const DateType = Type.Refine(Type.Unsafe<Date>({ instanceOf: "Date" }), (value) => value instanceof Date, () => "must be a Date");

/** Bytes, the same way (TypeBox 0.x had Type.Uint8Array()). */
export const BytesType = Type.Refine(Type.Unsafe<Uint8Array>({ instanceOf: "Uint8Array" }), (value) => value instanceof Uint8Array, () => "must be a Uint8Array");

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
