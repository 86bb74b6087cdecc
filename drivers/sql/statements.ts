import { isIncrement, Param, type FieldMeta, type IncrementNode, type ModelMeta, type PreparedPatch, type PreparedQuery, type SortNode } from "../../src/kit/driver.js";
import { compileCondition, Compilation, operandOf } from "./compile-condition.js";
import { PATCH_PREFIX, type CompiledStatement } from "./compiled.js";
import type { Encode, SqlDialect } from "./dialect.js";
import { sql, type SQL, type Table } from "./drizzle.js";
import { storesNullAsJson, withJsonNull } from "./json/type-facts.js";
import { columnOf, Tables } from "./tables.js";

const identity = (value: unknown) => value;

/** How a field's value is bound: a structured field that may be left out and null binds its null as JSON null. */
function encoderOf(dialect: SqlDialect, field: FieldMeta): Encode {
  const encode = dialect.encode.of(field);
  return storesNullAsJson(field) ? withJsonNull(encode) : encode;
}

/**
 * The model's columns, in field order, as RETURNING names them: unqualified (SQLite takes no
 * schema there, and the statement's one table is the only one they can be of).
 */
export function returnedColumns(model: ModelMeta): SQL {
  return sql.join(model.fields.map((field) => sql.identifier(field.column)), sql`, `);
}

/** `column = value` of an update; an increment adds its amount to the stored value (the dialect's `+`). */
function assignment(dialect: SqlDialect, compilation: Compilation, field: FieldMeta, index: number, value: unknown): SQL {
  const column = sql.identifier(field.column);
  if (!isIncrement(value)) return sql`${column} = ${compilation.placeholder(new Param(index), encoderOf(dialect, field), PATCH_PREFIX)}`;
  const encode = dialect.encode.of(field);
  // The value bound is the increment node: its amount is what the statement takes.
  const amount = compilation.placeholder(new Param(index), (node) => encode((node as IncrementNode).amount), PATCH_PREFIX);
  return sql`${column} = ${dialect.increment ? dialect.increment(sql`${column}`, amount, field) : sql`${column} + ${amount}`}`;
}

/**
 * Nulls first ascending and last descending, said only where a field can be null: PostgreSQL
 * puts nulls the other way by default, but its plain indexes (the primary key's, which keyset
 * streaming sorts by) serve only the default order, so a needless NULLS clause costs a sort.
 */
function orderingOf({ field, direction, path }: SortNode, dialect: SqlDialect): SQL {
  // A value inside a structured field may be missing wherever the field is.
  const canBeNull = !dialect.sortsNullsFirst && (path !== undefined || (!field.key && (field.nullable || field.optional)));
  if (direction === "asc") return canBeNull ? sql`ASC NULLS FIRST` : sql`ASC`;
  return canBeNull ? sql`DESC NULLS LAST` : sql`DESC`;
}

/**
 * Builds every statement Ommi runs on a SQL database, from prepared queries, with Drizzle's
 * SQL builder. Each is compiled once per query shape (see StatementCache) and reused.
 */
export class StatementBuilder {
  readonly tables: Tables;

  /** `schemaOf` names the schema of every table; it is asked once, when the first statement is built. */
  constructor(
    readonly dialect: SqlDialect,
    schemaOf: () => string,
  ) {
    this.tables = new Tables(dialect, schemaOf);
  }

  /** The model's columns (or those of `fields`, a projection), in field order: what the row mapper reads. */
  columns(model: ModelMeta, table: Table = this.tables.of(model), fields: readonly FieldMeta[] = model.fields): SQL {
    return sql.join(fields.map((field) => sql`${columnOf(table, field)}`), sql`, `);
  }

  select(query: PreparedQuery): CompiledStatement {
    return this.#compile(query, (compilation, table) => sql`SELECT ${this.columns(query.node.model, table, query.fields)} FROM ${table}${this.#window(query, table, compilation)}`);
  }

  /**
   * A select of at most one row (`limit 1`, no offset) written without LIMIT, for drivers that
   * read just the first row of the result: SQLite re-plans a statement with a bound LIMIT on
   * every run (its STAT4 statistics make bound values part of the plan), which costs a key
   * lookup several times its own time.
   */
  selectFirst(query: PreparedQuery): CompiledStatement {
    const unlimited: PreparedQuery = { ...query, limit: undefined };
    return this.select(unlimited);
  }

  count(query: PreparedQuery): CompiledStatement {
    return this.#compile(query, (compilation, table) => {
      const { node } = query;
      if (node.limit === undefined && node.offset === 0) return sql`SELECT count(*) FROM ${table}${this.#where(query, table, compilation)}`;
      return sql`SELECT count(*) FROM (SELECT 1 FROM ${table}${this.#window(query, table, compilation)}) AS ${sql.identifier("window")}`;
    });
  }

  /** The UPDATE of a patch (increments as `c = c + ?`); `returning`, it gives the changed rows' columns as select does. */
  update(query: PreparedQuery, patch: PreparedPatch, returning = false): CompiledStatement {
    return this.#compile(query, (compilation, table) => {
      const assignments = patch.fields.map((field, index) => assignment(this.dialect, compilation, field, index, patch.values[index]));
      const changed = returning ? sql` RETURNING ${returnedColumns(query.node.model)}` : sql``;
      return sql`UPDATE ${table} SET ${sql.join(assignments, sql`, `)}${this.#target(query, table, compilation)}${changed}`;
    });
  }

  delete(query: PreparedQuery): CompiledStatement {
    return this.#compile(query, (compilation, table) => sql`DELETE FROM ${table}${this.#target(query, table, compilation)}`);
  }

  /** INSERT of one row with every column; the caller binds the values in field order. */
  insert(model: ModelMeta, fields: readonly FieldMeta[] = model.fields): CompiledStatement {
    const compilation = new Compilation(this.dialect, this.tables);
    const table = this.tables.of(model);
    const names = sql.join(fields.map((field) => sql.identifier(field.column)), sql`, `);
    const values = sql.join(fields.map((field, index) => compilation.placeholder(new Param(index), encoderOf(this.dialect, field))), sql`, `);
    return compilation.finish(sql`INSERT INTO ${table} (${names}) VALUES (${values})`);
  }

  #compile(query: PreparedQuery, build: (compilation: Compilation, table: Table) => SQL): CompiledStatement {
    const compilation = new Compilation(this.dialect, this.tables);
    return compilation.finish(build(compilation, this.tables.of(query.node.model)));
  }

  #where(query: PreparedQuery, table: Table, compilation: Compilation): SQL {
    const { where } = query.node;
    return where ? sql` WHERE ${compileCondition(where, table, compilation)}` : sql``;
  }

  /** WHERE, ORDER BY and LIMIT/OFFSET of a select. */
  #window(query: PreparedQuery, table: Table, compilation: Compilation): SQL {
    const { node, limit, offset } = query;
    const order = node.sort.map((entry) => sql`${entry.path ? operandOf(entry.field, entry.path, table, compilation).expression : columnOf(table, entry.field)} ${orderingOf(entry, this.dialect)}`);
    const orderBy = order.length ? sql` ORDER BY ${sql.join(order, sql`, `)}` : sql``;
    const limitClause = limit ? sql` LIMIT ${compilation.placeholder(limit, identity)}` : offset ? sql` LIMIT ${this.dialect.noLimit}` : sql``;
    const offsetClause = offset ? sql` OFFSET ${compilation.placeholder(offset, identity)}` : sql``;
    return sql`${this.#where(query, table, compilation)}${orderBy}${limitClause}${offsetClause}`;
  }

  /**
   * WHERE of an update or delete. A sorted or limited query picks its rows by key in a
   * subquery, since neither database takes ORDER BY/LIMIT on UPDATE and DELETE portably.
   */
  #target(query: PreparedQuery, table: Table, compilation: Compilation): SQL {
    const { node } = query;
    if (node.limit === undefined && node.offset === 0) return this.#where(query, table, compilation);
    const keys = node.model.keys;
    const inner = compilation.tables.alias(node.model, compilation.nextAlias());
    const outerKeys = sql.join(keys.map((key) => sql`${columnOf(table, key)}`), sql`, `);
    const innerKeys = sql.join(keys.map((key) => sql`${columnOf(inner.table, key)}`), sql`, `);
    const tuple = (list: SQL) => (keys.length > 1 ? sql`(${list})` : list);
    const picked = sql`SELECT ${innerKeys} FROM ${inner.from}${this.#window(query, inner.table, compilation)}`;
    if (!this.dialect.materializesPickedRows) return sql` WHERE ${tuple(outerKeys)} IN (${picked})`;
    return sql` WHERE ${tuple(outerKeys)} IN (SELECT * FROM (${picked}) AS ${sql.identifier(compilation.nextAlias())})`;
  }
}
