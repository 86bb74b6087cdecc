import { expect, it } from "vitest";
import { z } from "zod";
import { Key, model, ModelCollection, when } from "ommi";
import { fieldOf } from "../support/results.js";
import { forEachLibrary } from "./libraries.js";

/** The Member table as a model whose fields are named like its columns: what is really stored. */
function memberColumns() {
  return model(z.object({ code: z.int(), full_name: z.string() }), { name: "Member", collection: new ModelCollection(), fields: { code: Key } });
}

forEachLibrary("models: StoreAs", (open) => {
  it("stores a field under the column it names", async () => {
    const { db, Member } = await open();
    await db.add(Member, { code: 1, name: "Ann" }).raiseOnErrors();
    expect(await db.find(memberColumns()).all().value).toEqual([{ code: 1, full_name: "Ann" }]);
  });

  it("filters, sorts and updates the field by its own name", async () => {
    const { db, Member } = await open();
    await db.add(Member, [{ code: 1, name: "Cy" }, { code: 2, name: "Ann" }, { code: 3, name: "Bob" }]).raiseOnErrors();
    expect(await fieldOf(db.find(when(Member.name.ne("Bob")).sort(Member.name.asc())), "code")).toEqual([2, 1]);
    expect(await db.find(Member.name.eq("Cy")).update({ name: "Dee" }).value).toBe(1);
    expect(await fieldOf(db.find(memberColumns().full_name.eq("Dee")), "code")).toEqual([1]);
  });
});
