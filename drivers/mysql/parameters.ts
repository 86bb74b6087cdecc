import mysql from "mysql2/promise";

const { LONGLONG, NEWDECIMAL } = mysql.TypedParameter;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * One call's parameters as mysql2 sends them to a prepared statement. mysql2 sends every number
 * as a DOUBLE, which loses integers past 2^53 and makes MySQL compare a BIGINT column as a
 * double: safe integers and bigints go as 64-bit integers instead, and a bigint past 64 bits
 * (compared with a bigint inside a structured value, a DECIMAL: see json.ts) as a DECIMAL of its
 * digits. -0 stays a DOUBLE (an integer has no sign of zero). Binding a whole number to a DOUBLE
 * column as an integer is exact.
 */
export function wireParameters(params: unknown[]): unknown[] {
  for (let index = 0; index < params.length; index++) {
    const value = params[index];
    if (typeof value === "bigint") params[index] = value < INT64_MIN || value > INT64_MAX ? NEWDECIMAL(String(value)) : LONGLONG(value);
    else if (typeof value === "number" && Number.isSafeInteger(value) && !Object.is(value, -0)) params[index] = LONGLONG(value);
  }
  return params;
}

/**
 * The values of an INSERT's rows: only bigints go as 64-bit integers. A number is stored exactly
 * from a DOUBLE (a safe integer converts to BIGINT without loss), so it needs no typed parameter
 * here, where nothing is compared; mysql2's typed integers cost microseconds each (their range
 * check runs on BigInt), which on a 10,000-row add was more than the statements themselves.
 */
export function wireStoredValues(params: unknown[]): unknown[] {
  for (let index = 0; index < params.length; index++) {
    const value = params[index];
    if (typeof value === "bigint") params[index] = LONGLONG(value);
  }
  return params;
}
