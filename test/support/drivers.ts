import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConformanceTarget } from "ommi/conformance";
import { SQLiteDriver } from "ommi/sqlite";
import { mongodbUnderTest } from "./mongodb.js";
import { mysqlUnderTest } from "./mysql.js";
import { postgresUnderTest } from "./postgres.js";

/** One of Ommi's own drivers, as the conformance suite and the differential test open it; each test gets a fresh, empty database. */
export interface DriverUnderTest extends ConformanceTarget {
  /** Why this driver cannot run here, or undefined when it can. */
  unavailable(): Promise<string | undefined>;
}

export const sqliteMemory: DriverUnderTest = {
  name: "sqlite (memory)",
  unavailable: () => Promise.resolve(undefined),
  async open() {
    const driver = await SQLiteDriver.connect({ filename: ":memory:" });
    return { driver, dispose: () => driver.close() };
  },
};

export const sqliteFile: DriverUnderTest = {
  name: "sqlite (file)",
  unavailable: () => Promise.resolve(undefined),
  async open() {
    const folder = mkdtempSync(join(tmpdir(), "ommi-"));
    const driver = await SQLiteDriver.connect({ filename: join(folder, "test.db") });
    return {
      driver,
      async dispose() {
        await driver.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  },
};

/** Every driver of Ommi's own, for the tests that run on each (the differential test, forEachDriver). A new driver is one entry here. */
export const driversUnderTest: readonly DriverUnderTest[] = [sqliteMemory, sqliteFile, postgresUnderTest, mysqlUnderTest, mongodbUnderTest];
