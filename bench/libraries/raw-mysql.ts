import { createConnection } from "mysql2";
import type mysql from "mysql2/promise";
import { authors, books, FILTERS, USER_COUNT, users, type UserInput } from "../data.js";
import { chunks, type BenchLibrary, type MySqlTarget } from "../library.js";
import { databaseUrl, inTransaction } from "../mysql.js";
import { MYSQL_DDL, USER_COLUMNS } from "../schema.js";

const USER_SELECT = "SELECT `id`, `name`, `age`, `email`, `active`, `score`";
const CROSS_MODEL = "SELECT b.`id`, b.`title`, b.`authorId`, b.`year` FROM `Book` b JOIN `Author` a ON a.`id` = b.`authorId` WHERE a.`country` = ?";

/** `INSERT INTO table (columns) VALUES (?, ...), ...` for `rows` rows: one statement text per batch size, so mysql2 prepares each once. */
function multiRowInsert(table: string, columns: readonly string[], rows: number): string {
  const row = `(${columns.map(() => "?").join(", ")})`;
  return `INSERT INTO \`${table}\` (${columns.map((column) => `\`${column}\``).join(", ")}) VALUES ${Array.from({ length: rows }, () => row).join(", ")}`;
}

/**
 * The baseline on MySQL and MariaDB: mysql2 on one connection, every statement prepared on the
 * server and cached by mysql2 (`execute`), bulk inserts as multi-row INSERTs of 1,000 rows in one
 * transaction, the stream one prepared SELECT read row by row (`stream()`).
 */
export async function rawMySql(target: MySqlTarget): Promise<BenchLibrary> {
  // The callback connection streams (stream() on a statement); its promise wrapper runs the rest.
  const core = createConnection(databaseUrl(target));
  const connection = core.promise();
  await connection.connect();
  const insertInto = async (table: string, rows: readonly UserInput[]) => {
    for (const batch of chunks(rows)) {
      const values = batch.flatMap((row) => USER_COLUMNS.map((column) => row[column]));
      await connection.execute(multiRowInsert(table, USER_COLUMNS, batch.length), values);
    }
  };
  const rowsOf = async (sql: string, value: string | number) => (await connection.execute<mysql.RowDataPacket[]>(sql, [value]))[0];
  return {
    async setup() {
      for (const statement of MYSQL_DDL) await connection.query(statement);
      await inTransaction(connection, async () => {
        await insertInto("User", users(USER_COUNT));
        const authorRows = authors();
        await connection.execute(multiRowInsert("Author", ["name", "country"], authorRows.length), authorRows.flatMap((row) => [row.name, row.country]));
        for (const batch of chunks(books())) {
          await connection.execute(multiRowInsert("Book", ["title", "authorId", "year"], batch.length), batch.flatMap((row) => [row.title, row.authorId, row.year]));
        }
      });
    },
    insert: (rows) => inTransaction(connection, () => insertInto("UserInsert", rows)),
    clearInserted: () => connection.query("TRUNCATE `UserInsert`"),
    fetchFiltered: async () => (await rowsOf(`${USER_SELECT} FROM \`User\` WHERE \`age\` < ?`, FILTERS.fetchBelowAge)).length,
    lookup: async (id) => (await rowsOf(`${USER_SELECT} FROM \`User\` WHERE \`id\` = ?`, id)).length === 1,
    count: async () => Number((await rowsOf("SELECT count(*) AS n FROM `User` WHERE `age` >= ? AND `active` = 1", FILTERS.countFromAge))[0]?.n ?? 0),
    update: async (score) => {
      const [result] = await connection.execute<mysql.ResultSetHeader>("UPDATE `User` SET `score` = ? WHERE `age` < ?", [score, FILTERS.updateBelowAge]);
      // mysql2 connects with FOUND_ROWS: the rows matched, as every other library counts them.
      return result.affectedRows;
    },
    crossModel: async () => (await rowsOf(CROSS_MODEL, FILTERS.authorCountry)).length,
    async loadStream(batches) {
      for (const batch of batches) await inTransaction(connection, () => insertInto("UserStream", batch));
    },
    // mysql2's streaming: the rows of a statement as a Readable, paused while the consumer is behind.
    stream: () => core.execute(`${USER_SELECT} FROM \`UserStream\``).stream({ objectMode: true }) as AsyncIterable<unknown>,
    teardown: () => connection.end(),
  };
}
