import { expect, it } from "vitest";
import { z } from "zod";
import { ModelCollection, model, StoreAs, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { fieldOf } from "../support/results.js";

export const storeAs = defineScenario("store-as", "StoreAs", (context) => {
  function defineMember(collection = context().collection) {
    return model(z.object({ id: z.number().int(), name: z.string() }), { name: "Member", collection, fields: { name: StoreAs("user_name") } });
  }

  it("stores the field under the column name given", async () => {
    const { db, create } = context();
    const Member = defineMember();
    await create();
    await db.add(Member, { id: 1, name: "Ann" }).raiseOnErrors();
    // The same table seen by a model whose field is named like the stored column.
    const Raw = model(z.object({ id: z.number().int(), user_name: z.string() }), { name: "Member", collection: new ModelCollection() });
    expect(await db.find(Raw).all().value).toEqual([{ id: 1, user_name: "Ann" }]);
  });

  it("filters, sorts and updates the field by its own name", async () => {
    const { db, create } = context();
    const Member = defineMember();
    await create();
    await addRows(db, Member, [{ id: 1, name: "Cy" }, { id: 2, name: "Ann" }, { id: 3, name: "Bob" }]);
    expect(await fieldOf(db.find(when(Member.name.ne("Bob")).sort(Member.name.asc())), "id")).toEqual([2, 1]);
    expect(await db.find(Member.name.eq("Cy")).update({ name: "Dee" }).value).toBe(1);
    expect(await db.find(Member.id.eq(1)).one().value).toEqual({ id: 1, name: "Dee" });
  });
});
