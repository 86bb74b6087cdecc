import mysql from "mysql2/promise";

const { LONGLONG } = mysql.TypedParameter;

/**
 * One call's parameters as mysql2 sends them to a prepared statement. mysql2 sends every number
 * as a DOUBLE, which loses integers past 2^53 and makes MySQL compare a BIGINT column as a
 * double: safe integers and bigints go as 64-bit integers instead. -0 stays a DOUBLE (an
 * integer has no sign of zero). Binding a whole number to a DOUBLE column as an integer is exact.
 */
export function wireParameters(params: unknown[]): unknown[] {
  for (let index = 0; index < params.length; index++) {
    const value = params[index];
    if ((typeof value === "number" && Number.isSafeInteger(value) && !Object.is(value, -0)) || typeof value === "bigint") params[index] = LONGLONG(value);
  }
  return params;
}
