import { QueryError, quote, type RawStatement } from "../../src/kit/driver.js";

/**
 * PostgreSQL's text cannot hold U+0000 (see nul.ts): a value of `db.sql` holding it is refused
 * before anything is sent, naming its place, rather than failing in the server (which would doom
 * a transaction) or being cut.
 */
export function refuseNulInRaw(statement: RawStatement): void {
  statement.tokens.forEach((token, index) => {
    if (token.kind === "value" && typeof token.value === "string" && token.value.includes("\0")) {
      throw new QueryError(`db.sql: the value at \${…} number ${index + 1} (${quote(token.value)}) holds the NUL character (U+0000), which PostgreSQL text cannot contain`);
    }
  });
}
