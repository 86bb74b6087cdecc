import type postgres from "postgres";
import type { IsolationLevel } from "../../src/driver.js";
import { quoteIdentifier } from "./dialect.js";
import { formatTimestamp, parseTimestamp } from "./timestamp.js";

export interface PostgreSQLOptions {
  /** `postgres://user:password@host:port/database`; the options below override its parts. */
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
  /**
   * The PostgreSQL schema that holds Ommi's tables: every connection's `search_path`, created by
   * `createModels()` when missing. Unless given, the server's search_path decides (usually `public`).
   */
  schema?: string;
  /** The isolation level of transactions that do not choose one (`db.transaction(fn, { isolation })`); PostgreSQL's default ("read committed") unless given. */
  isolation?: IsolationLevel;
  /** TLS, as postgres.js takes it (`true`, `"require"`, `"verify-full"`, or tls.connect options). */
  ssl?: postgres.Options<Record<string, never>>["ssl"];
}

export const DEFAULT_CONNECT_TIMEOUT = 10;
const DEFAULT_POOL_SIZE = 10;

/** The SQL of each level: a fixed list, so a level is never spliced into SQL as given. */
export const ISOLATION_LEVELS: Readonly<Record<IsolationLevel, string>> = {
  "read committed": "READ COMMITTED",
  "repeatable read": "REPEATABLE READ",
  serializable: "SERIALIZABLE",
};

/** Problems with the options themselves, found before any connection is tried. */
export function checkOptions(options: PostgreSQLOptions): string | undefined {
  if (options.max !== undefined && !(Number.isInteger(options.max) && options.max > 0)) return `max must be a positive integer, got ${options.max}`;
  if (options.connectTimeout !== undefined && !(options.connectTimeout > 0 && Number.isFinite(options.connectTimeout))) {
    return `connectTimeout must be a positive number of seconds, got ${options.connectTimeout}`;
  }
  if (options.isolation !== undefined && !(options.isolation in ISOLATION_LEVELS)) {
    return `isolation must be one of ${Object.keys(ISOLATION_LEVELS).join(", ")}, got ${JSON.stringify(options.isolation)}`;
  }
  if (options.schema !== undefined && (typeof options.schema !== "string" || options.schema === "")) return "schema must be a non-empty string";
  return undefined;
}

/**
 * postgres.js settings for Ommi. Every connection starts in UTC with ISO dates (what
 * timestamp.ts reads and writes) and in the chosen schema. `fetch_types` stays on although Ommi
 * writes its array literals itself (array-literal.ts): with it off, postgres.js 3.4 never hands
 * a connection it opened for `reserve()` to the caller, and transactions would wait forever.
 */
export function postgresJsOptions(options: PostgreSQLOptions): postgres.Options<Record<string, postgres.PostgresType>> {
  const connection: Record<string, string> = { application_name: "ommi", TimeZone: "UTC", DateStyle: "ISO, MDY" };
  if (options.schema !== undefined) connection.search_path = quoteIdentifier(options.schema);
  return {
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.user === undefined ? {} : { user: options.user }),
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(options.database === undefined ? {} : { database: options.database }),
    ...(options.ssl === undefined ? {} : { ssl: options.ssl }),
    max: options.max ?? DEFAULT_POOL_SIZE,
    connect_timeout: options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT,
    connection,
    // NOTICEs ("relation already exists, skipping") are expected, not news.
    onnotice: () => undefined,
    types: { ommiTimestamp: { to: 1184, from: [1184], serialize: (date: Date) => formatTimestamp(date), parse: parseTimestamp } },
  };
}
