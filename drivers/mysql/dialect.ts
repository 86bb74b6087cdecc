import { sql, type SQL } from "drizzle-orm";
import { alias, MySqlDialect, type MySqlTable } from "drizzle-orm/mysql-core";
import { asBuffer } from "../sql/bytes.js";
import { valueCodecs, type Encode, type SqlDialect, type TableName } from "../sql/dialect.js";
import { jsonDecoder } from "../sql/json/decoder.js";
import { jsonEncoder } from "../sql/json/encoder.js";
import { NUMERIC_ENCODERS } from "../sql/numeric-values.js";
import { qualified } from "../sql/tables.js";
import { columnType, isLongColumn, sha256KeyPart } from "./column-type.js";
import { int64 } from "./column-values.js";
import { mysqlInList } from "./in-list.js";
import { mysqlJson } from "./json.js";
import { mysqlDerivedName, mysqlNameProblem } from "./names.js";
import { functionalIndex } from "./functional-index.js";
import { generatedColumnIndex } from "./nested-index.js";
import type { ServerFacts } from "./server.js";
import { buildTable } from "./table.js";
import { mysqlTextMatch } from "./text-match.js";
import { formatDateTime, parseDateTime } from "./timestamp.js";

const drizzleDialect = new MySqlDialect();

/** A name as MySQL reads an identifier: in backticks, so case and symbols are kept. */
export function quoteIdentifier(name: string): string {
  return drizzleDialect.escapeName(name);
}


/**
 * MySQL and MariaDB through mysql2, which returns BIGINT columns as strings (bigNumberStrings, so
 * none loses digits) and DATETIME as text (dateStrings): integers are decoded to numbers, bigints
 * to bigints, dates from UTC text (timestamp.ts). BOOLEAN is TINYINT(1), read as 0 or 1 and decoded to a boolean.
 * Structured values are Ommi's JSON text in a LONGTEXT column, kept exactly as written (MySQL's
 * JSON type would reorder keys).
 *
 * One dialect per driver: what MariaDB and MySQL 8 write differently asks `server()` (the
 * driver's server, known before its first statement is built, see server.ts) as a statement is built.
 */
export function mysqlDialect(server: () => ServerFacts): SqlDialect {
  return {
    table: buildTable,
    nameProblem: mysqlNameProblem,
    // An index is always made in its table's database; its own name takes none.
    indexOn: (index, table) => sql`${sql.identifier(mysqlDerivedName(index))} ON ${qualified(table)}`,
    // MariaDB indexes no expression (a generated column is indexed instead); MySQL 8 indexes the expression itself.
    get nestedIndex() {
      return server().flavour === "mariadb" ? generatedColumnIndex(server().collation) : functionalIndex;
    },
    // MySQL 8 has no IF NOT EXISTS on CREATE INDEX, nor IF EXISTS on ALTER TABLE and DROP CONSTRAINT.
    get indexCount() {
      return server().ifExistsClauses ? undefined : indexCount;
    },
    // MySQL 8 parses a REFERENCES in a column's definition and makes no foreign key (MySQL 9 makes one).
    get foreignKeysAsTableConstraints() {
      return !server().inlineReferences;
    },
    uniqueKeyPart: (field, column) => (!server().wholeLongUnique && isLongColumn(field) ? sha256KeyPart(column) : undefined),
    referenceTo: qualified,
    constraintCount: ({ schema, name: table }, name) =>
      sql`SELECT count(*) FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ${schema} AND TABLE_NAME = ${table} AND CONSTRAINT_NAME = ${name} AND CONSTRAINT_TYPE = 'FOREIGN KEY'`,
    alias: (table, name) => alias(table as MySqlTable, name),
    toQuery: (statement) => drizzleDialect.sqlToQuery(statement),
    encode: valueCodecs<Encode>(
      { ...NUMERIC_ENCODERS, date: formatDateTime, bigint: int64, binary: asBuffer },
      jsonEncoder,
    ),
    decode: valueCodecs<Encode | undefined>(
      {
        string: undefined,
        integer: Number,
        float: undefined,
        boolean: (value) => value !== 0 && value !== "0",
        date: parseDateTime,
        bigint: (value) => BigInt(value as string),
        binary: undefined,
      },
      jsonDecoder,
    ),
    // MySQL has no index that serves has or hasAll on JSON text.
    structuredIndex: () => undefined,
    textMatch: mysqlTextMatch,
    inList: (type) => mysqlInList(type, server().collation),
    json: mysqlJson(server),
    // MySQL has no LIMIT ALL: the largest unsigned 64-bit number stands for it (MySQL's documented way).
    noLimit: sql.raw("18446744073709551615"),
    columnType: (field) => columnType(field, server().collation),
    generatedKey: sql`AUTO_INCREMENT`,
    // MySQL has no NULLS FIRST, and sorts nulls first ascending and last descending by itself.
    sortsNullsFirst: true,
    // MySQL refuses a subquery on the table an UPDATE or DELETE changes, and LIMIT inside IN (...).
    materializesPickedRows: true,
  };
}

/** The number of the table's indexes named `index` (see SqlDialect.indexCount), named as indexOn names it. */
function indexCount({ schema, name: table }: TableName, index: string): SQL {
  return sql`SELECT count(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ${schema} AND TABLE_NAME = ${table} AND INDEX_NAME = ${mysqlDerivedName(index)}`;
}
