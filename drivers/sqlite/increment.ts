import type Database from "better-sqlite3";
import type { FieldMeta } from "../../src/kit/driver.js";
import { sql, type SQL } from "../sql/drizzle.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * An integer sum that fails past 64 bits, where SQLite's `+` would store a float (and a bigint
 * field would read back another number): the same failure as PostgreSQL's `bigint` and MongoDB's
 * `$inc`. Null stays null, as with `+`.
 */
function addIntegers(current: unknown, amount: unknown): bigint | null {
  if (current === null || amount === null) return null;
  const [stored, added] = [BigInt(current as bigint | number), BigInt(amount as bigint | number)];
  const sum = stored + added;
  if (sum < INT64_MIN || sum > INT64_MAX) throw new RangeError(`adding ${added} to ${stored} leaves the range of a 64-bit integer`);
  return sum;
}

export function registerIncrement(db: Database.Database): void {
  // safeIntegers: the stored integer comes in whole, as a bigint, whatever its size.
  db.function("ommi_add_integers", { deterministic: true, safeIntegers: true }, addIntegers);
}

/** The dialect's increment: integers and bigints through addIntegers; floats with `+`, whose overflow is a float too. */
export function sqliteIncrement(column: SQL, amount: SQL, field: FieldMeta): SQL {
  return field.type === "float" ? sql`${column} + ${amount}` : sql`ommi_add_integers(${column}, ${amount})`;
}
