import type { ScalarType } from "../../src/kit/driver.js";
import { unchanged, type Encode } from "./dialect.js";

// Booleans as 1 or 0 and dates as milliseconds since the epoch: how SQLite stores them (it has no
// date type), how MySQL stores booleans (its date columns are DATETIME text, drivers/mysql/timestamp.ts),
// and how Ommi's JSON holds a date inside a structured value on every database.

export const asOneOrZero: Encode = (value) => (value ? 1 : 0);

export const asMilliseconds: Encode = (value) => (value as Date).getTime();

/** Milliseconds since the epoch, a number or the digits of a BIGINT → the Date. */
export const fromMilliseconds: Encode = (value) => new Date(Number(value));

/**
 * How a value of each scalar type is bound where booleans and dates are numbers (SQLite, and
 * inside structured values; MySQL binds its date columns' values as text instead); a bigint's
 * bounds are each database's own.
 */
export const NUMERIC_ENCODERS: Readonly<Record<Exclude<ScalarType, "bigint">, Encode>> = {
  string: unchanged,
  integer: unchanged,
  float: unchanged,
  boolean: asOneOrZero,
  date: asMilliseconds,
};

const numbers = (values: unknown) => `[${(values as number[]).join(",")}]`;

/**
 * Lists compared with a column (`in`) as the JSON array the database reads them from (SQLite's
 * json_each, MySQL's JSON_TABLE), each value as such a column stores it (MySQL's date columns:
 * its own, as DATETIME text). A bigint list is each database's own: what it refuses past 64 bits.
 */
export const NUMERIC_JSON_LISTS: Readonly<Record<Exclude<ScalarType, "bigint">, Encode>> = {
  string: (values) => JSON.stringify(values),
  integer: numbers,
  float: numbers,
  boolean: (values) => numbers((values as boolean[]).map(asOneOrZero)),
  date: (values) => numbers((values as Date[]).map(asMilliseconds)),
};
