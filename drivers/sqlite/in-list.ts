import { QueryError, quote, type ScalarType } from "../../src/kit/driver.js";
import type { Encode, ListMatch } from "../sql/dialect.js";
import { sql, type SQL } from "../sql/drizzle.js";
import { NUMERIC_JSON_LISTS } from "../sql/numeric-values.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A bigint list's values, as JSON integers: json_each reads those within 64 bits as exact INTEGERs. */
function bigintList(values: readonly (bigint | number)[]): string {
  for (const value of values) {
    // As `eq` does (better-sqlite3 refuses to bind it), rather than json_each reading it as an inexact REAL.
    if (BigInt(value) < INT64_MIN || BigInt(value) > INT64_MAX) throw new QueryError(`SQLite integers are 64-bit, so ${quote(value)} cannot be compared with them`);
  }
  return `[${values.join(",")}]`;
}

/**
 * Each field type's list as the JSON array json_each reads, holding the values as they are
 * stored (see SQLiteDialect.encode), so that they compare as `eq` does: strings as JSON strings
 * (json_each keeps NUL and astral characters), booleans as 0/1, dates as milliseconds, numbers
 * as JSON numbers (SQLite reads the shortest decimal of a double back as that double; an
 * integer-valued float may come back an INTEGER, which compares equal with the stored REAL).
 */
const JSON_LISTS: Readonly<Record<ScalarType, Encode>> = {
  ...NUMERIC_JSON_LISTS,
  bigint: (values) => bigintList(values as (bigint | number)[]),
};

const inJsonEach = (column: SQL, list: SQL): SQL => sql`${column} IN (SELECT value FROM json_each(${list}))`;

/**
 * `column IN (SELECT value FROM json_each(?))`: the list is one JSON text, whatever its length
 * (a list of separate parameters fails past SQLite's 32,766 and makes a new statement per length).
 * json_each's values have no type affinity, so the column's own affinity decides the comparison,
 * as it does for a bound value.
 */
export function sqliteInList(type: ScalarType): ListMatch {
  return { expression: inJsonEach, encode: JSON_LISTS[type] };
}
