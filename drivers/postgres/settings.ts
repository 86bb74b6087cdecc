import type postgres from "postgres";
import { quoteIdentifier } from "./dialect.js";
import { parseJsonColumn } from "./json-null.js";
import { DEFAULT_CONNECT_TIMEOUT, DEFAULT_POOL_SIZE } from "../sql/pool-options.js";
import { DEFAULT_IDLE_TIMEOUT, type PostgreSQLOptions } from "./options.js";
import { formatTimestamp, parseTimestamp } from "./timestamp.js";

/**
 * postgres.js settings for Ommi. Every connection starts in UTC with ISO dates (what
 * timestamp.ts reads and writes) and in the chosen schema. `fetch_types` is off: Ommi writes its
 * array literals itself (array-literal.ts) and reads no array columns, and postgres.js 3.4 runs
 * that query on each new connection with no one to hear it fail: a connection lost during it
 * was an unhandled rejection, which ends a Node process. (It was on for `reserve()`, which never
 * handed out a connection without it; transactions no longer reserve, see transaction-scope.ts.)
 */
export function postgresJsOptions(options: PostgreSQLOptions): postgres.Options<Record<string, postgres.PostgresType>> {
  const connection: Record<string, string> = { application_name: "ommi", TimeZone: "UTC", DateStyle: "ISO, MDY" };
  if (options.schema !== undefined) connection.search_path = quoteIdentifier(options.schema);
  // Server settings, so the server itself stops the work, even once the client has gone.
  if (options.statementTimeout !== undefined) connection.statement_timeout = String(options.statementTimeout);
  if (options.lockTimeout !== undefined) connection.lock_timeout = String(options.lockTimeout);
  return {
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.user === undefined ? {} : { user: options.user }),
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(options.database === undefined ? {} : { database: options.database }),
    ...(options.ssl === undefined ? {} : { ssl: options.ssl }),
    max: options.max ?? DEFAULT_POOL_SIZE,
    connect_timeout: options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT,
    // postgres.js keeps idle connections forever by default (0), and an open socket keeps Node running.
    idle_timeout: options.idleTimeout ?? DEFAULT_IDLE_TIMEOUT,
    fetch_types: false,
    connection,
    // NOTICEs ("relation already exists, skipping") are expected, not news.
    onnotice: () => undefined,
    types: {
      ommiTimestamp: { to: 1184, from: [1184], serialize: (date: Date) => formatTimestamp(date), parse: parseTimestamp },
      // Ommi binds JSON as its own text (sql/json/encoder.ts: Dates, bigints, -0 written its way), which
      // postgres.js would otherwise stringify again; `json` and `jsonb` columns it parses as usual.
      // A whole value that is JSON null is kept apart from SQL NULL (which postgres.js also gives as null): see json-null.ts.
      ommiJson: { to: 114, from: [114, 3802], serialize: (text: string) => text, parse: parseJsonColumn },
    },
  };
}
