import type { ResultSetHeader } from "mysql2/promise";
import type { FieldMeta, StoredRow } from "../../src/kit/driver.js";
import type { ServerFacts } from "./server.js";

/** How the keys the server generates for an INSERT reach its rows. */
export interface KeyFiller {
  /**
   * Whether each row needs an INSERT of its own: without RETURNING, a batch where some rows give
   * their key and others leave it to the server (see keyFiller).
   */
  readonly rowByRow: boolean;
  /** Writes the generated keys of `chunk`, one INSERT's rows, from what that INSERT gave. */
  fill(chunk: readonly StoredRow[], result: unknown[][] | ResultSetHeader): void;
}

const NOTHING_TO_FILL: KeyFiller = { rowByRow: false, fill: () => undefined };

const leavesOut = (row: StoredRow, key: FieldMeta) => row[key.name] === undefined || row[key.name] === null;

/**
 * How the generated `key` (an AUTO_INCREMENT column) of `rows` is learnt. With RETURNING (MariaDB
 * 10.5), each row's key is in the rows the INSERT gives, in the rows' order. Without it (MySQL 8),
 * the INSERT gives the first key it generated (LAST_INSERT_ID). A multi-row INSERT whose rows all
 * leave the key out is a "simple insert", for which InnoDB reserves every key at once, under its
 * auto-increment mutex, whatever innodb_autoinc_lock_mode (0, 1, or the default 2: only inserts of
 * a number of rows not known in advance, such as INSERT ... SELECT, take keys one at a time and
 * may interleave with other statements'): the keys are the first one and those after it, each
 * auto_increment_increment past the one before. A batch that gives some keys and leaves out
 * others is a "mixed-mode insert", whose generated keys need not follow each other: its rows are
 * written one per INSERT, each learning its own key.
 */
export function keyFiller(key: FieldMeta | undefined, rows: readonly StoredRow[], facts: ServerFacts): KeyFiller {
  if (!key) return NOTHING_TO_FILL;
  if (facts.insertReturning) {
    return {
      rowByRow: false,
      fill: (chunk, result) => chunk.forEach((row, index) => (row[key.name] = Number(((result as unknown[][])[index] as unknown[])[0]))),
    };
  }
  const generated = rows.filter((row) => leavesOut(row, key)).length;
  if (generated === 0) return NOTHING_TO_FILL;
  return {
    rowByRow: generated < rows.length,
    fill: (chunk, result) => {
      const first = Number((result as ResultSetHeader).insertId);
      chunk.forEach((row, index) => {
        if (leavesOut(row, key)) row[key.name] = first + index * facts.autoIncrementStep;
      });
    },
  };
}
