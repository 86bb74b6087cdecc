import type { ResultSetHeader } from "mysql2/promise";
import type { FieldMeta, ModelMeta, StoredRow, UpsertConflict } from "../../src/kit/driver.js";
import { generatedKey } from "../sql/ddl.js";
import type { StatementBuilder } from "../sql/statements.js";
import { quoteIdentifier } from "./dialect.js";
import { keyFiller } from "./generated-keys.js";
import type { PreparedInsert } from "./prepared-insert.js";
import type { ServerFacts } from "./server.js";

// db.upsert on MySQL and MariaDB. Their INSERT ... ON DUPLICATE KEY UPDATE updates the row that
// any unique index finds (the primary key's first), where Ommi's upsert matches by its `on`
// fields only: a row that another unique index refuses is a ConstraintError on every database,
// and nothing is written. INSERT IGNORE would also pass over foreign keys and bad values. So each
// row is found by its `on` fields first, with a locking read, then inserted or updated by
// statements that fail on any other unique index, and read back as stored; all in one
// transaction. The locking read holds the row it finds, and (under REPEATABLE READ, InnoDB's
// default) the gap where the `on` value would go, so no other transaction stores that value
// meanwhile; under READ COMMITTED one that does makes this upsert's INSERT a ConstraintError.

/** The statements of a model's upsert for one conflict shape, beside its INSERT (see runner.ts). */
export interface PreparedUpsert extends PreparedInsert {
  /** The `on` fields and what finds a row by them, with a lock: `SELECT 1 ... FOR UPDATE`. */
  readonly on: readonly FieldMeta[];
  readonly find: string;
  /** The fields a match sets and its UPDATE, where there is one (not for "none" or an empty list). */
  readonly set: readonly FieldMeta[];
  readonly update: string | undefined;
  /** Whether a match is left out of the result ("none"). */
  readonly keepsMatches: boolean;
  /** Every column of the row found by the `on` fields, or by the key. */
  readonly readByOn: string;
  readonly readByKey: string;
}

/** `a = ? AND b = ?` over the fields' columns. */
function matching(fields: readonly FieldMeta[]): string {
  return fields.map((field) => `${quoteIdentifier(field.column)} = ?`).join(" AND ");
}

/** A model's upsert for `conflict`, around its prepared INSERT (`insert`). */
export function prepareUpsert(model: ModelMeta, conflict: UpsertConflict, builder: StatementBuilder, insert: PreparedInsert): PreparedUpsert {
  const table = builder.dialect.toQuery(builder.tables.qualified(model)).sql;
  const columns = model.fields.map((field) => quoteIdentifier(field.column)).join(", ");
  const set = conflict.update === "none" ? [] : conflict.update;
  const assignments = set.map((field) => `${quoteIdentifier(field.column)} = ?`).join(", ");
  return {
    ...insert,
    on: conflict.on,
    find: `SELECT 1 FROM ${table} WHERE ${matching(conflict.on)} FOR UPDATE`,
    set,
    update: set.length > 0 ? `UPDATE ${table} SET ${assignments} WHERE ${matching(conflict.on)}` : undefined,
    keepsMatches: conflict.update === "none",
    readByOn: `SELECT ${columns} FROM ${table} WHERE ${matching(conflict.on)}`,
    readByKey: `SELECT ${columns} FROM ${table} WHERE ${matching(model.keys)}`,
  };
}

/** Runs a statement on the transaction's connection: its rows, or what a write gives. */
export type Execute = (text: string, params: unknown[]) => Promise<unknown[][] | ResultSetHeader>;

/**
 * Upserts the rows one after another on `execute` (a transaction's connection): each row's
 * stored columns in field order, or undefined for a match that "none" kept.
 */
export async function upsertRows(execute: Execute, model: ModelMeta, rows: readonly StoredRow[], upsert: PreparedUpsert, facts: ServerFacts): Promise<(unknown[] | undefined)[]> {
  const stored: (unknown[] | undefined)[] = [];
  const encoded = (row: StoredRow) => upsert.row.bind(model.fields.map((field) => row[field.name]));
  const values = (row: unknown[], fields: readonly FieldMeta[]) => fields.map((field) => row[field.index]);
  for (const row of rows) {
    const params = encoded(row);
    // A null `on` value matches no row (as in a unique index): the row is inserted.
    const findable = upsert.on.every((field) => params[field.index] !== null);
    const found = findable && ((await execute(upsert.find, values(params, upsert.on))) as unknown[][]).length > 0;
    if (found && upsert.keepsMatches) {
      stored.push(undefined);
      continue;
    }
    if (found) {
      if (upsert.update) await execute(upsert.update, [...values(params, upsert.set), ...values(params, upsert.on)]);
    } else {
      const result = await execute(`${upsert.head}${upsert.values}${upsert.tail}`, params);
      keyFiller(generatedKey(model), [row], facts).fill([row], result);
    }
    const [read] = findable
      ? ((await execute(upsert.readByOn, values(params, upsert.on))) as unknown[][])
      : ((await execute(upsert.readByKey, values(encoded(row), model.keys))) as unknown[][]);
    stored.push(read);
  }
  return stored;
}
