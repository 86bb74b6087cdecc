import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { model, ModelCollection, Ommi } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

// `await using db = new Ommi(...)` closes the database when its block ends, however it ends,
// exactly as `db.close()` does.

const collection = new ModelCollection();
const Visit = model(z.object({ id: z.number().int().optional(), page: z.string() }), { name: "Visit", collection });

async function openDriver() {
  const driver = await SQLiteDriver.connect({ filename: ":memory:" });
  return { driver, close: vi.spyOn(driver, "close") };
}

describe("await using an Ommi", () => {
  it("closes the database when the block ends", async () => {
    const { driver, close } = await openDriver();
    {
      await using db = new Ommi(driver);
      await db.schema(collection).createModels().raiseOnErrors();
      await db.add(Visit, { page: "/" }).raiseOnErrors();
      expect(close).not.toHaveBeenCalled();
    }
    expect(close).toHaveBeenCalledTimes(1);
    // Closed for real: the driver's connection is gone.
    const after = await new Ommi(driver).find(Visit.page.eq("/")).count();
    expect(after.ok).toBe(false);
  });

  it("closes the database when the block throws, and the error goes on", async () => {
    const { driver, close } = await openDriver();
    const failing = async () => {
      await using db = new Ommi(driver);
      await db.schema(collection).createModels().raiseOnErrors();
      throw new Error("the work failed");
    };
    await expect(failing()).rejects.toThrow("the work failed");
    expect(close).toHaveBeenCalledTimes(1);
  });

  it("is close() under the symbol's name", async () => {
    const { driver, close } = await openDriver();
    const db = new Ommi(driver);
    await db[Symbol.asyncDispose]();
    expect(close).toHaveBeenCalledTimes(1);
  });
});
