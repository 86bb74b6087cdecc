import { QueryError, quote } from "../../src/kit/driver.js";
import type { ColumnType, Encode } from "../sql/dialect.js";

/**
 * Text compares and sorts by code point, case-sensitively, as on every Ommi driver, and trailing
 * spaces count: utf8mb4_bin pads (`'a' = 'a '` is true there), its NO PAD twin does not. MariaDB
 * names it utf8mb4_nopad_bin, MySQL 8 utf8mb4_0900_bin: `collation` is the server's (ServerFacts).
 */
export function binaryText(collation: string): string {
  return `CHARACTER SET utf8mb4 COLLATE ${collation}`;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A bigint as BIGINT holds it; one past 64 bits is a QueryError, not a value the server clips or compares as a double. */
export const int64: Encode = (value) => {
  const whole = BigInt(value as bigint | number);
  if (whole < INT64_MIN || whole > INT64_MAX) throw new QueryError(`MySQL integers are 64-bit, so ${quote(whole)} cannot be stored or compared with them`);
  return whole;
};

/**
 * Integers are BIGINT so that every JavaScript safe integer fits; floats DOUBLE; booleans BOOLEAN
 * (TINYINT(1), read back as booleans); dates DATETIME(3) in UTC (see timestamp.ts: what existing
 * MySQL tables hold dates in; a date outside its range is refused by name, see date-range.ts).
 */
const COLUMN_TYPES: Readonly<Record<Exclude<ColumnType, "string">, string>> = {
  integer: "BIGINT",
  float: "DOUBLE",
  boolean: "BOOLEAN",
  date: "DATETIME(3)",
  bigint: "BIGINT",
  binary: "LONGBLOB",
};

/** The column type of a field type; text is LONGTEXT in the server's binary `collation`. */
export function columnTypeOf(type: ColumnType, collation: string): string {
  return type === "string" ? `LONGTEXT ${binaryText(collation)}` : COLUMN_TYPES[type];
}
