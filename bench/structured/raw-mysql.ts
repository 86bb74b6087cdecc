import mysql from "mysql2/promise";
import { chunks, type MySqlTarget } from "../library.js";
import { databaseUrl, inTransaction } from "../mysql.js";
import { customers, STRUCTURED_FILTERS, type Address, type CustomerInput } from "./data.js";
import type { StructuredLibrary } from "./library.js";

/**
 * The tables on MySQL and MariaDB: JSON columns (on MariaDB an alias of LONGTEXT with a JSON_VALID
 * check; on MySQL its binary JSON type). MySQL has no index for membership in a JSON array that
 * compares with GIN (a multi-valued index is MySQL 8 only), so there is no CustomerTagged here.
 */
export const STRUCTURED_MYSQL_DDL: readonly string[] = ["Customer", "CustomerInsert"].map(
  (table) => `CREATE TABLE \`${table}\` (\`id\` int AUTO_INCREMENT PRIMARY KEY, \`name\` text NOT NULL, \`age\` int NOT NULL, \`address\` json NOT NULL, \`tags\` json NOT NULL)`,
);

const SELECT = "SELECT `id`, `name`, `age`, `address`, `tags`";

type StoredCustomer = { id: number; name: string; age: number; address: string | Address; tags: string | string[] };

/**
 * A JSON column's value as the application uses it: MariaDB sends JSON text (JSON.parse), MySQL
 * its JSON type, which mysql2 parses itself.
 */
export function fromJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

function decode(row: StoredCustomer) {
  return { id: row.id, name: row.name, age: row.age, address: fromJson<Address>(row.address), tags: fromJson<string[]>(row.tags) };
}

/**
 * mysql2 with JSON columns: JSON.stringify in, decoded out; every statement prepared (`execute`),
 * inserts as multi-row INSERTs of 1,000 rows in one transaction; the path condition is
 * JSON_VALUE, membership JSON_CONTAINS (both on MariaDB and MySQL).
 */
export async function rawStructuredMySql(target: MySqlTarget): Promise<StructuredLibrary> {
  const connection = await mysql.createConnection(databaseUrl(target));
  const insertInto = (table: string, rows: readonly CustomerInput[]) =>
    inTransaction(connection, async () => {
      for (const batch of chunks(rows)) {
        const values = batch.flatMap((row) => [row.name, row.age, JSON.stringify(row.address), JSON.stringify(row.tags)]);
        await connection.execute(`INSERT INTO \`${table}\` (\`name\`, \`age\`, \`address\`, \`tags\`) VALUES ${batch.map(() => "(?, ?, ?, ?)").join(", ")}`, values);
      }
    });
  const run = async (text: string, value: string | number) => (await connection.execute<(StoredCustomer & mysql.RowDataPacket)[]>(text, [value]))[0].map(decode).length;
  return {
    async setup() {
      for (const statement of STRUCTURED_MYSQL_DDL) await connection.query(statement);
      await insertInto("Customer", customers());
    },
    insert: (rows) => insertInto("CustomerInsert", rows),
    clearInserted: () => connection.query("TRUNCATE `CustomerInsert`"),
    fetch: () => run(`${SELECT} FROM \`Customer\` WHERE \`age\` < ?`, STRUCTURED_FILTERS.fetchBelowAge),
    byCity: () => run(`${SELECT} FROM \`Customer\` WHERE JSON_VALUE(\`address\`, '$.city') = ?`, STRUCTURED_FILTERS.city),
    withTag: () => run(`${SELECT} FROM \`Customer\` WHERE JSON_CONTAINS(\`tags\`, ?)`, JSON.stringify(STRUCTURED_FILTERS.tag)),
    teardown: () => connection.end(),
  };
}
