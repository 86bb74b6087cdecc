import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import type { MySQLDriver, MySQLOptions } from "ommi/mysql";
// Not the published entry: connectMySQL also takes the choice of MySQL 8's ways on MariaDB (see server.ts).
import { connectMySQL } from "../../drivers/mysql/driver.js";
import type { ServerChoice } from "../../drivers/mysql/server.js";
import type { DriverUnderTest } from "./drivers.js";
import { droppedAfterClose } from "./fresh-namespace.js";

/** The test server: OMMI_TEST_MYSQL_URL, or the local MariaDB that .ci/run starts. */
export const testMySQLUrl = process.env.OMMI_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test";

/** Seconds to wait for the test server before calling it unavailable. */
const PROBE_TIMEOUT = 5;

let admin: mysql.Pool | undefined;

/** One small pool per test process, for creating and dropping databases. */
function adminPool(): mysql.Pool {
  return (admin ??= mysql.createPool({ uri: testMySQLUrl, connectionLimit: 2, maxIdle: 0, idleTimeout: 2000, connectTimeout: PROBE_TIMEOUT * 1000 }));
}

function where(): string {
  const url = new URL(testMySQLUrl);
  return `${url.hostname}:${url.port || "3306"}`;
}

async function answers(): Promise<string | undefined> {
  let probe: mysql.Connection | undefined;
  try {
    probe = await mysql.createConnection({ uri: testMySQLUrl, connectTimeout: PROBE_TIMEOUT * 1000 });
    await probe.query("SELECT 1");
    return undefined;
  } catch (error) {
    return `MySQL/MariaDB at ${where()} is not available (${(error as Error).message}); start it or set OMMI_TEST_MYSQL_URL`;
  } finally {
    await probe?.end().catch(() => undefined);
  }
}

/**
 * A driver on a fresh database (`ommi_test_<random>`), with any further options; `dispose` drops
 * the database with everything in it. `choice.asMySQL`: MySQL 8's ways wherever the server takes them.
 */
export async function openMySQL(options: Omit<MySQLOptions, "url" | "database"> = {}, choice: ServerChoice = {}): Promise<{ driver: MySQLDriver; dispose(): Promise<void> }> {
  const database = `ommi_test_${randomBytes(8).toString("hex")}`;
  await adminPool().query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  const driver = await connectMySQL({ ...options, url: testMySQLUrl, database }, choice);
  return droppedAfterClose(driver, () => adminPool().query(`DROP DATABASE IF EXISTS \`${database}\``));
}

/** MySQL or MariaDB, one fresh database per test: tests running at once never see each other's tables, and nothing is left behind. */
export const mysqlUnderTest: DriverUnderTest = {
  name: "mysql",
  unavailable: answers,
  open: () => openMySQL(),
};

/**
 * The same server, the driver taking MySQL 8's ways wherever the server takes them too: on
 * MariaDB, generated keys without RETURNING, information_schema instead of IF [NOT] EXISTS, and
 * foreign keys as table constraints (on MySQL 8 these are its ways anyway).
 */
export const mysql8WaysUnderTest: DriverUnderTest = {
  name: "mysql (MySQL 8 ways)",
  unavailable: answers,
  open: () => openMySQL({}, { asMySQL: true }),
};
