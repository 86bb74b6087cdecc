import type Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { model, ModelCollection, ModelError, Ommi, Unique } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";
import { failure } from "../support/results.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(): Promise<{ db: Ommi; connection: Database.Database; filename: string }> {
  const folder = mkdtempSync(join(tmpdir(), "ommi-qualified-"));
  const filename = join(folder, "test.db");
  const driver = await SQLiteDriver.connect({ filename });
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }), () => driver.close());
  // The driver's own connection: TEMP tables belong to one connection. (A test's look inside.)
  const connection = (driver as unknown as { connection: { db: Database.Database } }).connection.db;
  return { db: new Ommi(driver), connection, filename };
}

describe("SQLite: every statement names Ommi's tables in main", () => {
  it("a TEMP table of the same name never takes the place of Ommi's table", async () => {
    const { db, connection } = await open();
    const collection = new ModelCollection();
    const Thing = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Thing", collection, fields: { name: Unique } });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Thing, [{ id: 1, name: "kept" }]).raiseOnErrors();
    // Unqualified, "Thing" now means temp.Thing: SQLite searches temp before main.
    connection.exec('CREATE TEMP TABLE "Thing" ("id" INTEGER, "name" TEXT); INSERT INTO temp."Thing" VALUES (7, \'decoy\'), (8, \'decoy\')');
    expect(await db.find(Thing).count().value).toBe(1);
    expect(await db.find(Thing).all().value).toEqual([{ id: 1, name: "kept" }]);
    await db.add(Thing, [{ id: 2, name: "added" }]).raiseOnErrors();
    expect(await db.find(Thing.id.eq(2)).update({ name: "changed" }).value).toBe(1);
    expect(await db.find(Thing.name.in(["kept", "decoy"])).delete().value).toBe(1);
    // createModels looks at main's table too (not the decoy's columns) and adds nothing twice.
    await db.schema(collection).createModels().raiseOnErrors();
    expect(connection.prepare('SELECT id, name FROM main."Thing"').all()).toEqual([{ id: 2, name: "changed" }]);
    expect(connection.prepare('SELECT id, name FROM temp."Thing" ORDER BY id').all()).toEqual([
      { id: 7, name: "decoy" },
      { id: 8, name: "decoy" },
    ]);
    await db.schema(collection).deleteModels().raiseOnErrors();
    expect(connection.prepare('SELECT count(*) AS n FROM temp."Thing"').get()).toEqual({ n: 2 });
  });

  it("a table named like the pragma_table_info() function does not break createModels", async () => {
    const { db } = await open();
    const collection = new ModelCollection();
    model(z.object({ id: z.number().int() }), { name: "pragma_table_info", collection });
    model(z.object({ id: z.number().int(), name: z.string() }), { name: "Other", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.schema(collection).createModels().raiseOnErrors();
  });

  it.each(["sqlite_master", "SQLITE_MASTER", "sqlite_schema", "sqlite_sequence", "Sqlite_mine", "json_each", "JSON_EACH"])(
    "a model named %s is a ModelError: the name is SQLite's own, or hides what in() uses",
    async (name) => {
      const { db, connection } = await open();
      const collection = new ModelCollection();
      const Reserved = model(z.object({ id: z.number().int(), name: z.string() }), { name, collection });
      const catalogBefore = connection.prepare("SELECT count(*) AS n FROM main.sqlite_schema").get();
      for (const outcome of [
        await failure(db.schema(collection).createModels()),
        await failure(db.find(Reserved).count()),
        await failure(db.find(Reserved).all()),
        await failure(db.find(Reserved).delete()),
        await failure(db.add(Reserved, { id: 1, name: "x" })),
      ]) {
        expect(outcome).toBeInstanceOf(ModelError);
        expect(outcome.message).toContain(name);
      }
      expect(connection.prepare("SELECT count(*) AS n FROM main.sqlite_schema").get()).toEqual(catalogBefore);
    },
  );

  it("names that merely contain sqlite_ or json_each are fine", async () => {
    const { db } = await open();
    const collection = new ModelCollection();
    const Fine = model(z.object({ id: z.number().int() }), { name: "my_sqlite_json_each", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Fine, { id: 1 }).raiseOnErrors();
    expect(await db.find(Fine.id.in([1, 2])).count().value).toBe(1);
  });
});
