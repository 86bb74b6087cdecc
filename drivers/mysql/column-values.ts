import { QueryError, quote } from "../../src/kit/driver.js";
import type { ColumnType, Encode } from "../sql/dialect.js";

/**
 * Text compares and sorts by code point, case-sensitively, as on every Ommi driver, and trailing
 * spaces count: utf8mb4_bin pads (`'a' = 'a '` is true there), its NO PAD twin does not. MariaDB
 * names it utf8mb4_nopad_bin; MySQL 8's is utf8mb4_0900_bin (not chosen per server yet).
 */
export const BINARY_TEXT = "CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A bigint as BIGINT holds it; one past 64 bits is a QueryError, not a value the server clips or compares as a double. */
export const int64: Encode = (value) => {
  const whole = BigInt(value as bigint | number);
  if (whole < INT64_MIN || whole > INT64_MAX) throw new QueryError(`MySQL integers are 64-bit, so ${quote(whole)} cannot be stored or compared with them`);
  return whole;
};

/**
 * Integers are BIGINT so that every JavaScript safe integer fits; floats DOUBLE; dates DATETIME(3)
 * in UTC (see timestamp.ts); booleans BOOLEAN (TINYINT(1), read back as booleans).
 */
export const COLUMN_TYPES: Record<ColumnType, string> = {
  string: `LONGTEXT ${BINARY_TEXT}`,
  integer: "BIGINT",
  float: "DOUBLE",
  boolean: "BOOLEAN",
  date: "DATETIME(3)",
  bigint: "BIGINT",
  binary: "LONGBLOB",
};
