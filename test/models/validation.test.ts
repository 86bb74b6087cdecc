import { expect, it } from "vitest";
import { ValidationError, type ValidationIssue } from "ommi";
import { failure, fieldOf } from "../support/results.js";
import { forEachLibrary } from "./libraries.js";
import { sampleItem, type Item } from "./shared-models.js";

/** The paths that issues name, each once, in order. */
function fieldsNamed(issues: readonly ValidationIssue[]): string[] {
  return [...new Set(issues.map((issue) => issue.path.join(".")))];
}

/** A value the schema refuses, for each field; cast, as the compiler would refuse them too. */
const wrongValues = {
  name: 7, count: 1.5, price: "19.99", inStock: "yes", serial: 1, added: "2024-01-01", size: "XL", tier: 4, note: 5, rating: "4",
} as unknown as Partial<Item>;

forEachLibrary("models: validation", (open, fixture) => {
  it("refuses a whole add when one row fails, naming the row, its fields and the library's message", async () => {
    const { db, Item } = await open();
    const error = await failure(db.add(Item, [sampleItem(), sampleItem({ name: "", size: "XL" as Item["size"] }), sampleItem()]));
    expect(error).toBeInstanceOf(ValidationError);
    const { model, index, issues } = error as ValidationError;
    expect([model, index]).toEqual(["Item", 1]);
    expect(fieldsNamed(issues)).toEqual(["name", "size"]);
    expect(issues).toContainEqual({ path: ["name"], message: fixture.emptyNameMessage });
    expect(await db.find(Item).count().value).toBe(0);
  });

  it.each(Object.keys(wrongValues))("refuses a value of the wrong type in %s", async (field) => {
    const { db, Item } = await open();
    const error = await failure(db.add(Item, sampleItem({ [field]: wrongValues[field as keyof Item] })));
    expect(error).toBeInstanceOf(ValidationError);
    expect(fieldsNamed((error as ValidationError).issues)).toEqual([field]);
  });

  it("validates an update patch field by field, and changes nothing when it fails", async () => {
    const { db, Member } = await open();
    await db.add(Member, { code: 1, name: "Ann" }).raiseOnErrors();
    const error = await failure(db.find(Member.code.eq(1)).update({ name: "" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: ["name"], message: fixture.emptyNameMessage }]);
    expect(await fieldOf(db.find(Member), "name")).toEqual(["Ann"]);
    expect(await db.find(Member.code.eq(1)).update({ name: "Bo" }).value).toBe(1);
  });

  it("refuses a patch whose value has the wrong type", async () => {
    const { db, Item } = await open();
    await db.add(Item, sampleItem()).raiseOnErrors();
    const error = await failure(db.find(Item).update({ count: 2.5, size: "XL" as Item["size"] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(fieldsNamed((error as ValidationError).issues)).toEqual(["count", "size"]);
    expect(await db.find(Item).one().value).toEqual({ ...sampleItem(), id: 1 });
  });
});
