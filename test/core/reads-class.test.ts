import "reflect-metadata";
import { IsInt, IsString } from "class-validator";
import { describe, expect, it } from "vitest";
import { Key, model, ModelCollection, Ommi } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

// Rows of a class model: instances from find and db.sql (as find gives them), plain objects
// from a selection, which holds only some of what an instance promises (a partial instance would lie).

class Account {
  @IsInt() @Key() id!: number;
  @IsString() name!: string;
  @IsInt() credits!: number;

  label(): string {
    return `${this.name} (${this.credits})`;
  }
}

describe("rows of a class model", () => {
  it("are instances from find and db.sql, plain objects of the chosen fields from a selection", async () => {
    const collection = new ModelCollection();
    const Accounts = model(Account, { collection });
    const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
    try {
      await db.schema(collection).createModels().raiseOnErrors();
      await db.add(Accounts, { id: 1, name: "Ann", credits: 3 }).raiseOnErrors();
      const whole = await db.find(Accounts).one().value;
      expect(whole).toBeInstanceOf(Account);
      expect(whole.label()).toBe("Ann (3)");
      const [raw] = await db.sql(Accounts)`SELECT * FROM ${Accounts}`.value;
      expect(raw).toBeInstanceOf(Account);
      const chosen = await db.find(Accounts).select("name").one().value;
      expect(chosen).not.toBeInstanceOf(Account);
      expect(Object.getPrototypeOf(chosen)).toBe(Object.prototype);
      expect(chosen).toStrictEqual({ name: "Ann" });
      const page = await db.find(Accounts).omit("credits").page({ size: 1 }).value;
      expect(page.rows).toStrictEqual([{ id: 1, name: "Ann" }]);
    } finally {
      await db.close();
    }
  });
});
