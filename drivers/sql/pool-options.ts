import { QueryError, timeoutProblem, type IsolationLevel } from "../../src/kit/driver.js";

/** The SQL of each level (the same words in PostgreSQL and MySQL): a fixed list, so a level is never spliced into SQL as given. */
export const ISOLATION_LEVELS: Readonly<Record<IsolationLevel, string>> = {
  "read committed": "READ COMMITTED",
  "repeatable read": "REPEATABLE READ",
  serializable: "SERIALIZABLE",
};

/** The SQL of the level a transaction asks for; a QueryError for a level Ommi does not know (a caller past the types), before anything is sent. */
export function isolationSql(isolation: IsolationLevel): string {
  if (!(isolation in ISOLATION_LEVELS)) throw new QueryError(`${JSON.stringify(isolation)} is not an isolation level (${Object.keys(ISOLATION_LEVELS).join(", ")})`);
  return ISOLATION_LEVELS[isolation];
}

/** Seconds to wait for the server (PoolOptions.connectTimeout), and connections in a pool (PoolOptions.max), unless given. */
export const DEFAULT_CONNECT_TIMEOUT = 10;
export const DEFAULT_POOL_SIZE = 10;

/** Where a SQL server is and how its pool connects: the options every pooled SQL driver takes. */
export interface PoolOptions {
  /** The server's URL (`postgres://user:password@host:port/database`, `mysql://...`); the options below override its parts. */
  url?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  /** Connections in the pool; 10 unless given. */
  max?: number;
  /** Seconds to wait for the server before failing with a ConnectionError; 10 unless given. */
  connectTimeout?: number;
  /** The isolation level of transactions that do not choose one (`db.transaction(fn, { isolation })`); the server's default unless given. */
  isolation?: IsolationLevel;
}

/** Problems with the pool's options, found before any connection is tried. */
export function poolOptionsProblem(options: PoolOptions): string | undefined {
  if (options.max !== undefined && !(Number.isInteger(options.max) && options.max > 0)) return `max must be a positive integer, got ${options.max}`;
  if (options.connectTimeout !== undefined && !(options.connectTimeout > 0 && Number.isFinite(options.connectTimeout))) {
    return `connectTimeout must be a positive number of seconds, got ${options.connectTimeout}`;
  }
  if (options.isolation !== undefined && !(options.isolation in ISOLATION_LEVELS)) {
    return `isolation must be one of ${Object.keys(ISOLATION_LEVELS).join(", ")}, got ${JSON.stringify(options.isolation)}`;
  }
  return undefined;
}

/** The time limits, in milliseconds, a server enforces on a pooled SQL driver's statements (each driver says how its server does). */
export interface ServerTimeouts {
  statementTimeout?: number;
  lockTimeout?: number;
}

/** Problems with the time limits, found before any connection is tried. */
export function serverTimeoutsProblem(options: ServerTimeouts): string | undefined {
  for (const name of ["statementTimeout", "lockTimeout"] as const) {
    const problem = options[name] === undefined ? undefined : timeoutProblem(name, options[name]);
    if (problem) return problem;
  }
  return undefined;
}
