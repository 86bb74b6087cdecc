import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";
import { postgresUnderTest } from "./postgres.js";

/** A database the conformance suite runs against; each test gets a fresh, empty one. */
export interface DriverUnderTest {
  readonly name: string;
  /** Why this driver cannot run here, or undefined when it can. Asked once per run. */
  unavailable(): Promise<string | undefined>;
  /** A fresh, empty database for one test, and how to remove it afterwards. */
  open(): Promise<{ driver: Driver; dispose(): Promise<void> }>;
}

const sqliteMemory: DriverUnderTest = {
  name: "sqlite (memory)",
  unavailable: () => Promise.resolve(undefined),
  async open() {
    const driver = await SQLiteDriver.connect({ filename: ":memory:" });
    return { driver, dispose: () => driver.close() };
  },
};

const sqliteFile: DriverUnderTest = {
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

/** Every driver the conformance suite knows. A new driver is one entry here. */
export const driversUnderTest: readonly DriverUnderTest[] = [sqliteMemory, sqliteFile, postgresUnderTest];
