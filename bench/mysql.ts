import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import type { MySqlTarget } from "./library.js";
import type { SuiteTarget } from "./suite.js";

/** The shared server the tests use too; each run works in databases of its own there (see mysqlSuiteTarget). */
export const DEFAULT_MYSQL_URL = "mysql://root@127.0.0.1:3306/test";

/** Seconds to wait for the server before calling it absent. */
const PROBE_TIMEOUT = 3;

/**
 * This run's mark in its databases' names (`ommi_bench_<run>_<library>`): two runs on the same
 * server, or a run beside the tests, never touch each other's tables.
 */
const RUN = randomBytes(4).toString("hex");

function hostOf(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || "3306"}`;
}

/** The server URL with the library's database as its path: every client below (and Ommi, TypeORM) reads the database from it. */
export function databaseUrl(target: MySqlTarget): string {
  const url = new URL(target.url);
  url.pathname = `/${encodeURIComponent(target.database)}`;
  return url.toString();
}

/**
 * Runs the statements in one transaction, as the raw mysql2 libraries insert many rows: what
 * Ommi's add of many rows does, and what a careful user does so that a failed chunk leaves nothing half-written.
 */
export async function inTransaction(connection: mysql.Connection, run: () => Promise<void>): Promise<void> {
  await connection.beginTransaction();
  try {
    await run();
    await connection.commit();
  } catch (error) {
    await connection.rollback();
    throw error;
  }
}

/** Runs statements on a short-lived admin connection. */
async function admin(url: string, statements: readonly string[]): Promise<void> {
  const connection = await mysql.createConnection({ uri: url, connectTimeout: PROBE_TIMEOUT * 1000 });
  try {
    for (const statement of statements) await connection.query(statement);
  } finally {
    await connection.end();
  }
}

/**
 * The server's name and version as the report heads its tables with ("MariaDB 10.11.19"), or why
 * nothing answers there.
 */
export async function describeMySQL(url: string): Promise<{ label: string; mariadb: boolean } | { reason: string }> {
  let connection: mysql.Connection | undefined;
  try {
    connection = await mysql.createConnection({ uri: url, connectTimeout: PROBE_TIMEOUT * 1000 });
    const [rows] = await connection.query<mysql.RowDataPacket[]>("SELECT VERSION() AS version");
    const version = String(rows[0]?.version ?? "unknown");
    const number = version.split("-")[0] ?? version;
    const mariadb = /mariadb/i.test(version);
    return { label: `${mariadb ? "MariaDB" : "MySQL"} ${number}`, mariadb };
  } catch (error) {
    return { reason: `nothing answers at ${hostOf(url)} (${(error as Error).message})` };
  } finally {
    await connection?.end().catch(() => undefined);
  }
}

/**
 * Each library gets a fresh database of its own (MySQL's schemas are databases), created
 * before it sets up and dropped after it is done: `ommi_bench_<run>_<library>`.
 */
export function mysqlSuiteTarget(url: string, server: { readonly label: string; readonly mariadb: boolean }): SuiteTarget {
  const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/_$/, "");
  return {
    database: `${server.label} (127.0.0.1 or OMMI_BENCH_MYSQL_URL)`,
    targetFor: (factory) => ({ kind: "mysql", url, database: `ommi_bench_${RUN}_${slug(factory.name)}`, mariadb: server.mariadb }),
    create: (target) =>
      target.kind === "mysql" ? admin(url, [`CREATE DATABASE \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`]) : Promise.resolve(),
    remove: (target) => (target.kind === "mysql" ? admin(url, [`DROP DATABASE IF EXISTS \`${target.database}\``]) : Promise.resolve()),
  };
}
