import type { ScalarType } from "../../src/kit/driver.js";
import type { TableName } from "../sql/dialect.js";
import { sql, type SQL } from "../sql/drizzle.js";
import { qualified } from "../sql/tables.js";
import { INDEXED_LENGTH, sha256KeyPart } from "./column-type.js";
import { mysqlDerivedName } from "./names.js";

/**
 * The index on a value inside a structured field (`"address.city": Index`) on MySQL 8, which
 * indexes an expression itself (a functional key part, 8.0.13): on exactly the expression a
 * condition on that value compiles to, so that the optimizer uses it. Text is the exception: MySQL
 * indexes no expression of a TEXT type, so a unique index is on the text's SHA-256 (equal exactly
 * where the texts are, see sha256KeyPart), and any other on its first INDEXED_LENGTH characters;
 * both give what they promise (uniqueness; an index), though conditions do not use them. No IF
 * NOT EXISTS, which MySQL's CREATE INDEX lacks: schema creation looks the index up first
 * (SqlDialect.indexCount).
 */
export function functionalIndex(index: string, table: TableName, expression: SQL, type: ScalarType, unique: boolean): SQL {
  const keyPart = type !== "string" ? sql`(${expression})` : unique ? sha256KeyPart(expression) : sql`(LEFT(${expression}, ${sql.raw(String(INDEXED_LENGTH))}))`;
  return sql`CREATE ${sql.raw(unique ? "UNIQUE INDEX" : "INDEX")} ${sql.identifier(mysqlDerivedName(index))} ON ${qualified(table)} (${keyPart})`;
}
