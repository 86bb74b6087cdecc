import type { ScalarType, ValueType } from "../../src/kit/driver.js";
import type { ListMatch } from "../sql/dialect.js";
import { sql } from "../sql/drizzle.js";
import { arrayLiteral, arrayTypeOf, textOf } from "./array-literal.js";

/**
 * `column = ANY($1::<type>[])`: the list is one array literal, whatever its length (a list of
 * separate parameters fails past PostgreSQL's 65,535 and makes a new statement per length).
 * It compares as `eq` does: the array's elements take the column's type, and text the column's
 * collation. An index on the column serves it.
 */
function listMatch(type: ScalarType): ListMatch {
  const valueType: ValueType = { type, nullable: false };
  const arrayType = sql.raw(arrayTypeOf(valueType));
  return { expression: (column, list) => sql`${column} = ANY(${list}::${arrayType})`, encode: arrayLiteral({ text: textOf(valueType) }) };
}

const LIST_MATCHES = new Map<ScalarType, ListMatch>();

export function postgresInList(type: ScalarType): ListMatch {
  let match = LIST_MATCHES.get(type);
  if (!match) LIST_MATCHES.set(type, (match = listMatch(type)));
  return match;
}
