import { collectionOf, scalar, unreadable, type Fail, type FieldReading } from "./field-reading.js";
import { problems } from "./problems.js";
import type { SchemaPath } from "./schema-path.js";
import { readMembers, readUnion } from "./union.js";

/**
 * A tuple is stored as an array of its items' one type (the rest's included): one scalar type,
 * objects, or JSON values. `items` are the item schemas; `isNull` tells a null item.
 */
export function readTuple<S>(items: readonly S[], isNull: (item: S) => boolean, read: (item: S) => FieldReading, path: SchemaPath, fail: Fail): FieldReading {
  if (items.length === 0) throw fail("an empty tuple holds no value to store; leave the field out");
  const nonNull = items.filter((item) => !isNull(item));
  const readings = path.inside(() => readMembers(nonNull, read));
  const failItems: Fail = (problem) => fail(`a tuple is stored as an array of its items' one type; ${problem}`);
  return collectionOf("array", readUnion(readings, nonNull.length < items.length, failItems), fail);
}

/** A record's keys are strings in JSON; its values are of one type. */
export function readRecord<S>(key: S, value: S, read: (schema: S) => FieldReading, path: SchemaPath, fail: Fail): FieldReading {
  const keys = path.inside(() => read(key));
  if (keys.problem) throw fail(`its keys: ${keys.problem}`);
  if (keys.type !== "string") throw fail(problems.nonStringKeys(keys.type));
  return collectionOf("record", path.inside(() => read(value)), fail);
}

/**
 * A schema that checks for instances of a class (`z.instanceof`, `v.instance`): bytes
 * (`Uint8Array`, and Node's `Buffer`, a subclass) are binary, and a `Date` a date. `spelt` is how
 * the library writes the schema, for the message about any other class.
 */
export function readClassInstance(held: unknown, spelt: (className: string) => string, path: SchemaPath): FieldReading {
  if (held === Uint8Array || (typeof held === "function" && held.prototype instanceof Uint8Array)) return scalar("binary");
  if (held === Date) return scalar("date");
  const name = typeof held === "function" && held.name ? held.name : "a class";
  return unreadable(problems.classInstance(spelt(name), path.storedAs()));
}
