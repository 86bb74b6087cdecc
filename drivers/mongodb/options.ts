import type { MongoClientOptions } from "mongodb";
import { timeoutProblem, type IsolationLevel } from "../../src/kit/driver.js";

export interface MongoDBOptions {
  /** `mongodb://host:port/?replicaSet=rs0` or `mongodb+srv://...`: the server or cluster, as the official client takes it. */
  url: string;
  /** The database that holds Ommi's collections. */
  database: string;
  /** Connections in the pool; the client's default (100) unless given. */
  maxPoolSize?: number;
  /** Connections kept open when idle; 0 unless given. */
  minPoolSize?: number;
  /** Milliseconds to find a server for an operation before failing with a ConnectionError; 5,000 unless given. */
  serverSelectionTimeoutMS?: number;
  /** Milliseconds to open one connection before giving up on it; 5,000 unless given. */
  connectTimeoutMS?: number;
  /**
   * Whether `transaction()` is used. MongoDB runs transactions on a replica set or a sharded
   * cluster only: the driver asks the server (`hello`) when it connects and uses them where they
   * exist. `false` turns them off on any server (every multi-row add is then refused, as on a
   * standalone server).
   */
  transactions?: boolean;
  /** The isolation level of transactions that do not choose one (see README: how levels map to read concerns). */
  isolation?: IsolationLevel;
  /** Milliseconds any one operation may run on the server (`maxTimeMS`); no limit unless given. */
  statementTimeout?: number;
  /** Any further options of the official client (TLS, credentials, app name, ...); the options above win. */
  client?: MongoClientOptions;
}

export const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const ISOLATION_LEVELS: readonly IsolationLevel[] = ["read committed", "repeatable read", "serializable"];

/** Problems with the options themselves, found before any connection is tried. */
export function checkOptions(options: MongoDBOptions): string | undefined {
  if (typeof options.url !== "string" || options.url === "") return "url must be a MongoDB connection string (mongodb://host:port)";
  if (typeof options.database !== "string" || options.database === "") return "database must be a non-empty string";
  for (const name of ["maxPoolSize", "minPoolSize"] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) return `${name} must be a whole number from 0, got ${value}`;
  }
  for (const name of ["serverSelectionTimeoutMS", "connectTimeoutMS", "statementTimeout"] as const) {
    const value = options[name];
    if (value === undefined) continue;
    const problem = timeoutProblem(name, value);
    if (problem) return problem;
  }
  if (options.isolation !== undefined && !ISOLATION_LEVELS.includes(options.isolation)) {
    return `isolation must be one of ${ISOLATION_LEVELS.join(", ")}, got ${JSON.stringify(options.isolation)}`;
  }
  if (options.transactions !== undefined && typeof options.transactions !== "boolean") return "transactions must be true or false";
  return undefined;
}

/**
 * The official client's settings for Ommi. Values decode exactly per field type (values.ts):
 * int64 as bigint (`useBigInt64`), binary as Buffer (`promoteBuffers`), doubles and int32 as
 * numbers (`promoteValues`). Time limits are bounded so that an unreachable server is a
 * ConnectionError within seconds, not the client's 30.
 */
export function clientOptions(options: MongoDBOptions): MongoClientOptions {
  return {
    ...options.client,
    ...(options.maxPoolSize === undefined ? {} : { maxPoolSize: options.maxPoolSize }),
    ...(options.minPoolSize === undefined ? {} : { minPoolSize: options.minPoolSize }),
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? DEFAULT_SERVER_SELECTION_TIMEOUT_MS,
    connectTimeoutMS: options.connectTimeoutMS ?? DEFAULT_CONNECT_TIMEOUT_MS,
    useBigInt64: true,
    promoteBuffers: true,
    promoteValues: true,
    promoteLongs: true,
    ignoreUndefined: true,
    // Ommi checks keys itself (values.ts): nested `$` and `.` keys are data on MongoDB 5.0 and later.
    checkKeys: false,
  };
}
