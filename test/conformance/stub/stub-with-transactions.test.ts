import { afterAll, expect } from "vitest";
import { runConformance } from "ommi/conformance";
import { connectStub } from "./stub-driver.js";

/**
 * The suite on a stub with transactions but no savepoints and no atomic batches: several rows in
 * one `add` must reach it inside a transaction Ommi opens, never outside one (the contract).
 */
const breaches: string[] = [];

runConformance({
  name: "stub with transactions only",
  async open() {
    // SQLite underneath runs one transaction at a time, and a driver must say so (serializedWrites).
    const driver = await connectStub({ transactions: true, serializedWrites: true });
    const add = driver.add.bind(driver);
    driver.add = (model, rows) => {
      if (rows.length > 1) breaches.push(`add(${model.name}) with ${rows.length} rows outside a transaction`);
      return add(model, rows);
    };
    return { driver, dispose: () => driver.close() };
  },
});

afterAll(() => {
  expect(breaches).toEqual([]);
});
