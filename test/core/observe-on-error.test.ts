import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AsyncResult, ConnectionError, Key, model, ModelCollection, NoResultError, Ommi, SchemaError, type OmmiError, type OperationContext } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

const collection = new ModelCollection();
const User = model(z.object({ id: z.number().int(), name: z.string() }), { name: "User", collection, fields: { id: [Key] } });
const Missing = model(z.object({ id: z.number().int() }), { name: "Missing", collection: new ModelCollection() });

/** A database whose failures go to `onError` (and are never warned about: this file checks the hook, not the warning). */
async function open(onError: (error: OmmiError, context: OperationContext) => void) {
  const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }), { onError, uncheckedFailures: "ignore" });
  await db.schema(collection).createModels().raiseOnErrors();
  return db;
}

afterEach(() => void vi.restoreAllMocks());

describe("onError", () => {
  it("receives the error of every failed operation, with the operation and the model, before the caller sees the result", async () => {
    const seen: [string, string | undefined, string][] = [];
    const db = await open((error, { operation, model }) => seen.push([operation, model, error.name]));
    const added = await db.add(Missing, { id: 1 });
    expect(seen).toEqual([["add", "Missing", "SchemaError"]]);
    expect(added.ok ? undefined : added.error).toBeInstanceOf(SchemaError);
    await db.find(User.id.eq(1)).one().valueOr(undefined);
    await db.find(Missing.id.eq(1)).all().valueOr(undefined);
    await db.find(Missing.id.eq(1)).count().valueOr(undefined);
    await db.find(Missing.id.eq(1)).update({ id: 2 }).valueOr(undefined);
    await db.find(Missing.id.eq(1)).delete().valueOr(undefined);
    await db.close();
    await db.schema(collection).createModels().valueOr(undefined);
    expect(seen.slice(1)).toEqual([
      ["find.one", "User", "NoResultError"],
      ["find.all", "Missing", "SchemaError"],
      ["find.count", "Missing", "SchemaError"],
      ["find.update", "Missing", "SchemaError"],
      ["find.delete", "Missing", "SchemaError"],
      ["schema.createModels", undefined, "ConnectionError"],
    ]);
  });

  it("receives the failures of db.sql, with or without a model", async () => {
    const seen: [string, string | undefined, string][] = [];
    const db = await open((error, { operation, model }) => seen.push([operation, model, error.name]));
    await db.sql(User)`SELECT * FROM no_such_table`.valueOr(undefined);
    await db.sql`SELECT * FROM no_such_table`.valueOr(undefined);
    expect(seen).toEqual([
      ["sql", "User", "SchemaError"],
      ["sql", undefined, "SchemaError"],
    ]);
    await db.close();
  });

  it("is the same error the result gives", async () => {
    let hooked: OmmiError | undefined;
    const db = await open((error) => (hooked = error));
    const outcome = await db.find(User.id.eq(7)).one();
    expect(outcome.ok ? undefined : outcome.error).toBe(hooked);
    expect(hooked).toBeInstanceOf(NoResultError);
    await db.close();
  });

  it("is not called for operations that succeed, nor for transactions' own outcome", async () => {
    const onError = vi.fn();
    const db = await open(onError);
    await db.add(User, { id: 1, name: "Alice" }).raiseOnErrors();
    expect(await db.find(User.id.eq(1)).count().value).toBe(1);
    await db.transaction(async (tx) => void (await tx.find(User.id.eq(1)).one().value));
    expect(onError).not.toHaveBeenCalled();
    await db.close();
  });

  it("sees failures inside a transaction too", async () => {
    const onError = vi.fn();
    const db = await open(onError);
    await db.transaction(async (tx) => void (await tx.find(User.id.eq(99)).one().valueOr(undefined)));
    expect(onError).toHaveBeenCalledWith(expect.any(NoResultError), { operation: "find.one", model: "User" });
    await db.close();
  });

  it("that throws breaks nothing: the result is the failure, and the throw is one warning", async () => {
    const warnings: string[] = [];
    const listener = (warning: Error & { code?: string }) => warnings.push(`${warning.code}: ${warning.message}`);
    process.on("warning", listener);
    try {
      const db = await open(() => {
        throw new Error("hook broke");
      });
      const first = await db.find(User.id.eq(1)).one();
      const second = await db.find(User.id.eq(2)).one();
      expect([first.ok, second.ok]).toEqual([false, false]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual(["OMMI_HOOK_FAILED: Ommi's onError hook threw, and Ommi went on without it: Error: hook broke"]);
      await db.close();
    } finally {
      process.off("warning", listener);
    }
  });
});

describe("the failed DBResult", () => {
  it("looks like { ok: false, error } to equality, spreading, JSON and printing", async () => {
    const error = new ConnectionError("gone");
    const outcome = await new AsyncResult<number>(Promise.reject(error));
    expect(outcome).toEqual({ ok: false, error });
    expect({ ...outcome }).toEqual({ ok: false, error });
    expect(JSON.parse(JSON.stringify(outcome))).toEqual({ ok: false, error: { name: "ConnectionError" } });
    expect(inspect(outcome)).toMatch(/^\{\s+ok: false,\s+error: ConnectionError: gone/);
  });

  it("is the same object every time the result is awaited", async () => {
    const result = new AsyncResult<number>(Promise.reject(new ConnectionError("gone")));
    expect(await result).toBe(await result);
  });
});

describe("new Ommi options", () => {
  it("are checked: a wrong one is an OmmiError that names it", async () => {
    const driver = await SQLiteDriver.connect({ filename: ":memory:" });
    // @ts-expect-error -- not one of "warn", "ignore" or a function
    expect(() => new Ommi(driver, { uncheckedFailures: "loud" })).toThrow(/uncheckedFailures must be "warn", "ignore" or a function, got loud/);
    expect(() => new Ommi(driver, { slowQueryMs: -1 })).toThrow(/slowQueryMs must be a number of milliseconds from 0, got -1/);
    expect(() => new Ommi(driver, { onSlowQuery: () => undefined })).toThrow(/onSlowQuery needs slowQueryMs/);
    await driver.close();
  });
});
