import type { FieldMeta, ModelMeta, UpsertConflict } from "../../src/kit/driver.js";
import { Compilation } from "../sql/compile-condition.js";
import type { CompiledStatement } from "../sql/compiled.js";
import { generatedKey } from "../sql/ddl.js";
import { sql, type SQL } from "../sql/drizzle.js";
import type { Tables } from "../sql/tables.js";
import { conflictClause } from "../sql/upsert.js";
import { unnestedColumns } from "./insert.js";
import { postgresDialect, quoteIdentifier } from "./dialect.js";

const INPUT = sql.identifier("ommi_input");
const KEYED = sql.identifier("ommi_keyed");
const WRITTEN = sql.identifier("ommi_written");
const POSITION = sql.identifier("ommi_position");

/**
 * One upsert for any number of rows, bound as insert.ts binds an INSERT (one array per column,
 * unnested) and with its generated keys drawn the same way, then `ON CONFLICT ... DO UPDATE` (or
 * `DO NOTHING`) and RETURNING. RETURNING does not say which input row each stored row came
 * from, so the result joins the rows written back to the input by their `on` values (distinct
 * in one call: Ommi refuses two rows with the same), and gives each row's position. A row with a
 * null `on` value matches nothing and was inserted: it is joined by its key instead. A row that
 * DO NOTHING kept is not among those written, so its position is missing from the result.
 *
 * Result columns: the position, then the model's columns in field order, then (with a generated
 * key) the sequence's adjustment, as insert.ts makes it.
 */
export function upsertRows(model: ModelMeta, conflict: UpsertConflict, tables: Tables): CompiledStatement {
  const compilation = new Compilation(postgresDialect, tables);
  const table = tables.of(model);
  const { columns, arrays } = unnestedColumns(model, compilation);
  const names = model.fields.map((_, index) => sql.identifier(`c${index}`));
  const key = generatedKey(model);
  const keyed = names.map((name, index) => (key && index === key.index ? sql`COALESCE(${name}, nextval(${sequenceOf(model, key, tables)})) AS ${name}` : name));
  const written = model.fields.map((field, index) => sql`${sql.identifier(field.column)} AS ${sql.identifier(`w${index}`)}`);
  const steps = [
    sql`WITH ${INPUT} AS (SELECT * FROM unnest(${arrays}) WITH ORDINALITY AS ${INPUT}(${sql.join(names, sql`, `)}, ${POSITION}))`,
    sql`${KEYED} AS (SELECT ${sql.join(keyed, sql`, `)}, ${POSITION} FROM ${INPUT})`,
    sql`${WRITTEN} AS (INSERT INTO ${table} (${columns}) SELECT ${sql.join(names, sql`, `)} FROM ${KEYED}${conflictClause(conflict)} RETURNING ${sql.join(written, sql`, `)})`,
  ];
  const outputs = [sql`${KEYED}.${POSITION}`, ...model.fields.map((_, index) => sql`${WRITTEN}.${sql.identifier(`w${index}`)}`)];
  if (key) outputs.push(advanceSequence(model, key, tables));
  const select = (match: SQL) => sql`SELECT ${sql.join(outputs, sql`, `)} FROM ${KEYED} JOIN ${WRITTEN} ON ${match}`;
  const byOn = select(equal(conflict.on));
  // Rows whose `on` value is null: two sets joined apart, so that each join can hash (an OR cannot).
  const nullable = conflict.on.filter((field) => !field.key && (field.nullable || field.optional));
  const branches = nullable.length === 0 ? [byOn] : [byOn, select(sql`(${sql.join(nullable.map((field) => sql`${KEYED}.${column(field)} IS NULL`), sql` OR `)}) AND ${equal(model.keys)}`)];
  return compilation.finish(sql`${sql.join(steps, sql`, `)} ${sql.join(branches, sql` UNION ALL `)}`);
}

function column(field: FieldMeta): SQL {
  return sql`${sql.identifier(`c${field.index}`)}`;
}

/** The written row's fields equal the input row's. */
function equal(fields: readonly FieldMeta[]): SQL {
  return sql.join(fields.map((field) => sql`${WRITTEN}.${sql.identifier(`w${field.index}`)} = ${KEYED}.${column(field)}`), sql` AND `);
}

/** The key's sequence; the table as text that PostgreSQL parses as a name (quoted, with its schema), as insert.ts names it. */
function sequenceOf(model: ModelMeta, key: FieldMeta, tables: Tables): SQL {
  const { schema, name } = tables.nameOf(model);
  return sql`(SELECT pg_get_serial_sequence(${`${quoteIdentifier(schema)}.${quoteIdentifier(name)}`}, ${key.column})::regclass)`;
}

/** The sequence moved past the largest key given explicitly (see insert.ts): evaluated once, as a subquery without references. */
function advanceSequence(model: ModelMeta, key: FieldMeta, tables: Tables): SQL {
  const sequence = sequenceOf(model, key, tables);
  return sql`(SELECT setval(${sequence}, top) FROM (SELECT max(${column(key)}) AS top FROM ${INPUT}) AS given WHERE top > COALESCE(pg_sequence_last_value(${sequence}), 0))`;
}
