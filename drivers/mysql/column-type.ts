import { isStructured, type FieldMeta } from "../../src/kit/driver.js";
import type { ColumnType } from "../sql/dialect.js";
import { sql, type SQL } from "../sql/drizzle.js";
import { binaryText, columnTypeOf } from "./column-values.js";

/**
 * The longest text (in characters) and binary value (in bytes) of a key, or of a field with an
 * `Index` or a reference: MySQL indexes no whole TEXT or BLOB but for uniqueness (see isIndexed),
 * and InnoDB keys are at most 3,072 bytes (255 four-byte characters leave room for composite
 * keys). A longer value is refused by the server (strict mode), never cut.
 */
export const INDEXED_LENGTH = 255;

/**
 * Fields whose whole text or bytes an index covers: a key, `Index`, a reference (a foreign key's
 * column is indexed), or a `Unique` field another field refers to (a foreign key names columns of
 * a B-tree index, and of its referring column's type). Any other `Unique` field keeps LONGTEXT
 * (LONGBLOB): MariaDB enforces a unique index on it through a hash of the whole value, so values
 * of any length stay unique.
 */
function isIndexed(field: FieldMeta): boolean {
  return field.key || field.indexed || field.reference !== undefined || (field.unique && isReferenced(field));
}

/** Whether a field of the models `field`'s model may refer to (its collection) refers to it. */
function isReferenced(field: FieldMeta): boolean {
  return field.model.collection.models.some((model) => model.fields.some((other) => other.reference === field));
}

/** Whether the field's column is LONGTEXT or LONGBLOB: text or bytes that no index covers whole (but MariaDB's unique one, see sha256KeyPart). */
export function isLongColumn(field: FieldMeta): boolean {
  return (field.type === "string" || field.type === "binary") && !isIndexed(field);
}

/**
 * The key part of a `Unique` LONGTEXT or LONGBLOB field's index on MySQL 8, which indexes a
 * prefix of such a column at most (a unique prefix would refuse two values that merely begin
 * alike): the value's SHA-256, 32 bytes, as a functional key part (MySQL 8.0.13). Two values have
 * one digest exactly where they are the same bytes (no SHA-256 collision is known), and Ommi's
 * binary NO PAD collation calls two texts equal exactly where their bytes are, so the index
 * refuses the duplicates MariaDB's whole-value unique index refuses, of any length. A NULL's
 * digest is NULL, which a unique index lets repeat, as the column's own would.
 */
export function sha256KeyPart(column: SQL): SQL {
  return sql`(UNHEX(SHA2(${column}, 256)))`;
}

/** The column type of a field, in CREATE TABLE and ADD COLUMN; text in the server's binary `collation` (see ServerFacts). */
export function columnType(field: FieldMeta, collation: string): SQL {
  if (isStructured(field)) return sql.raw(`LONGTEXT ${binaryText(collation)}`);
  if (field.type === "string" && isIndexed(field)) return sql.raw(`VARCHAR(${INDEXED_LENGTH}) ${binaryText(collation)}`);
  if (field.type === "binary" && isIndexed(field)) return sql.raw(`VARBINARY(${INDEXED_LENGTH})`);
  return sql.raw(columnTypeOf(field.type as ColumnType, collation));
}
