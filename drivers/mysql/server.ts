import type { Pool } from "mysql2/promise";
import { ConnectionError } from "../../src/kit/driver.js";
import { fromMySQLError } from "./errors.js";

// The driver runs on MariaDB and on MySQL 8. Where the two take the same SQL it writes that;
// where they differ it writes what the server it is connected to takes, learnt once per driver
// before its first statement is built (see MySQLDriver.blocked).

/** Which server a driver talks to. */
export type Flavour = "mariadb" | "mysql";

/** What Ommi writes differently on MariaDB and on MySQL 8. */
export interface ServerFacts {
  readonly flavour: Flavour;
  /** VERSION(), as the server gives it. */
  readonly version: string;
  /**
   * Ommi's text collation: utf8mb4 by code point, case-sensitive, trailing spaces counting (NO
   * PAD; utf8mb4_bin pads, so `'a' = 'a '` there). MariaDB's is utf8mb4_nopad_bin, MySQL 8's
   * utf8mb4_0900_bin (8.0.17); neither server knows the other's name.
   */
  readonly collation: string;
  /** How REGEXP_REPLACE's replacement names a group: `\1` in MariaDB's PCRE2, `$1` in MySQL's ICU. */
  readonly groupReference: "\\" | "$";
  /** INSERT ... RETURNING gives generated keys (MariaDB 10.5); otherwise the insert's first id and the ones after it. */
  readonly insertReturning: boolean;
  /** CREATE INDEX IF NOT EXISTS and ALTER TABLE IF EXISTS ... DROP CONSTRAINT IF EXISTS (MariaDB); otherwise information_schema says what exists. */
  readonly ifExistsClauses: boolean;
  /** A REFERENCES clause in a column's definition makes a foreign key (MariaDB); MySQL 8 parses it and makes none. */
  readonly inlineReferences: boolean;
  /** A UNIQUE index may cover a whole LONGTEXT or LONGBLOB (MariaDB keeps a hash of it); MySQL's covers a prefix at most. */
  readonly wholeLongUnique: boolean;
  /** JSON_VALUE takes RETURNING, and gives at most 512 characters without it (NULL past that: MySQL). */
  readonly jsonValueReturning: boolean;
  /**
   * JSON_COMPACT gives a value inside a JSON text as stored, but for spaces (MariaDB): items and
   * whole values inside structured fields compare as Ommi's JSON text. MySQL 8 has no such function.
   */
  readonly jsonCompact: boolean;
  /** auto_increment_increment when the driver first connected: how far apart the keys of one multi-row INSERT are. */
  readonly autoIncrementStep: number;
}

type OwnFacts = Omit<ServerFacts, "version" | "autoIncrementStep">;

/** MariaDB's NO PAD binary collation of utf8mb4 (see ServerFacts.collation). */
export const MARIADB_COLLATION = "utf8mb4_nopad_bin";

const MARIADB: OwnFacts = {
  flavour: "mariadb",
  collation: MARIADB_COLLATION,
  groupReference: "\\",
  insertReturning: true,
  ifExistsClauses: true,
  inlineReferences: true,
  wholeLongUnique: true,
  jsonValueReturning: false,
  jsonCompact: true,
};

const MYSQL: OwnFacts = {
  flavour: "mysql",
  collation: "utf8mb4_0900_bin",
  groupReference: "$",
  insertReturning: false,
  ifExistsClauses: false,
  inlineReferences: false,
  wholeLongUnique: false,
  jsonValueReturning: true,
  jsonCompact: false,
};

/**
 * MySQL 8's ways wherever MariaDB takes them too: generated keys without RETURNING, catalog
 * queries instead of IF [NOT] EXISTS, foreign keys as table constraints. Tests force them on
 * MariaDB (see ServerChoice.asMySQL); what only one server knows (collation, regex syntax,
 * JSON_VALUE, unique long text) stays the server's own.
 */
const MYSQL_WAYS = { insertReturning: false, ifExistsClauses: false, inlineReferences: false } as const;

/** Not part of the published options: how a test makes a driver take MySQL 8's ways on MariaDB. */
export interface ServerChoice {
  readonly asMySQL?: boolean;
}

/** The oldest servers with everything Ommi's statements use. */
const OLDEST: Readonly<Record<Flavour, readonly [number, number, number]>> = {
  // JSON_TABLE (the lists of in, the items of some, has, hasAny, hasAll) came in 10.6.
  mariadb: [10, 6, 0],
  // JSON_VALUE came in 8.0.21 (utf8mb4_0900_bin and CAST AS DOUBLE in 8.0.17, functional indexes in 8.0.13).
  mysql: [8, 0, 21],
};

/** The facts of a server by its VERSION(), flavour and auto_increment_increment; `choice` may make MariaDB take MySQL's ways where it can. */
export function factsOf(version: string, flavour: Flavour, choice: ServerChoice = {}, autoIncrementStep = 1): ServerFacts {
  const own = flavour === "mariadb" ? MARIADB : MYSQL;
  return Object.freeze({ ...own, ...(choice.asMySQL ? MYSQL_WAYS : {}), version, autoIncrementStep });
}

/** Why Ommi cannot work with this server, or undefined. */
export function unsupported(version: string, flavour: Flavour): string | undefined {
  const [major = 0, minor = 0, patch = 0] = (/^(\d+)\.(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  const oldest = OLDEST[flavour];
  const [oldestMajor, oldestMinor, oldestPatch] = oldest;
  const older = major !== oldestMajor ? major < oldestMajor : minor !== oldestMinor ? minor < oldestMinor : patch < oldestPatch;
  if (!older) return undefined;
  const name = flavour === "mariadb" ? "MariaDB" : "MySQL";
  return `the server is ${name} ${version}; Ommi needs MySQL ${OLDEST.mysql.join(".")} or later, or MariaDB ${OLDEST.mariadb.join(".")} or later`;
}

/**
 * VERSION(); 1 on MariaDB, which runs what a `/*M! ... *\/` comment holds where MySQL skips it
 * (whatever the version string says: a proxy or a build may name itself otherwise); and the
 * step between AUTO_INCREMENT keys (see generated-keys.ts).
 */
const DETECTION = "SELECT VERSION(), 0 /*M! + 1 */, @@auto_increment_increment";

/** Asks the server which it is; a server that cannot be reached, or is too old, is a ConnectionError. */
export async function detectServer(pool: Pool, where: string, choice: ServerChoice): Promise<ServerFacts> {
  let row: unknown[];
  try {
    const [rows] = await pool.query({ sql: DETECTION, rowsAsArray: true });
    row = (rows as unknown[][])[0] as unknown[];
  } catch (error) {
    throw fromMySQLError(error, "connecting", where);
  }
  const version = String(row[0]);
  const flavour: Flavour = Number(row[1]) === 1 ? "mariadb" : "mysql";
  const problem = unsupported(version, flavour);
  if (problem) throw new ConnectionError(`MySQL at ${where}: ${problem}`);
  return factsOf(version, flavour, choice, Number(row[2]));
}

/**
 * The facts of one driver's server, learnt once: before that, `pending()` gives the detection
 * under way (one at a time; one that failed is tried again by the next call).
 */
export class ServerDetection {
  #facts: ServerFacts | undefined;
  #detecting: Promise<void> | undefined;

  constructor(private readonly detect: () => Promise<ServerFacts>) {}

  /** Undefined once the facts are known; otherwise a promise that settles when they are (or rejects with an Ommi error). */
  pending(): Promise<void> | undefined {
    if (this.#facts) return undefined;
    this.#detecting ??= this.detect().then(
      (facts) => {
        this.#facts = facts;
      },
      (error: unknown) => {
        this.#detecting = undefined;
        throw error;
      },
    );
    return this.#detecting;
  }

  /** The server's facts: asked only by statements built after `pending()` said they are known. */
  get facts(): ServerFacts {
    if (!this.#facts) throw new Error("a MySQL statement was built before the driver learnt which server it talks to");
    return this.#facts;
  }
}
