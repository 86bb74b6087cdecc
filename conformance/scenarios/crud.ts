import { expect, it } from "vitest";
import { z } from "zod";
import { Auto, Key, model, NoResultError, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";

export const crud = defineScenario("crud", "CRUD", (context) => {
  function defineUser() {
    return model(
      z.object({ id: z.number().int().optional(), name: z.string(), age: z.number().int() }),
      { name: "User", collection: context().collection, fields: { id: [Key, Auto] } },
    );
  }

  it("adds rows, assigns generated keys to the returned rows and to the inputs", async () => {
    const { db, create } = context();
    const User = defineUser();
    await create();
    const alice = { name: "Alice", age: 30 };
    const [stored] = await db.add(User, alice).value;
    expect(stored).toEqual({ id: expect.any(Number) as unknown, name: "Alice", age: 30 });
    expect((alice as { id?: number }).id).toBe(stored?.id);
    expect(await db.find(User.id.eq(stored?.id as number)).one().value).toEqual(stored);
  });

  it("updates and deletes exactly the matching rows and reports how many", async () => {
    const { db, create } = context();
    const User = defineUser();
    await create();
    await addRows(db, User, [{ name: "A", age: 10 }, { name: "B", age: 20 }, { name: "C", age: 30 }]);
    expect(await db.find(User.age.gte(20)).update({ age: 99 }).value).toBe(2);
    expect((await db.find(when(User).sort(User.name.asc())).all().value).map((user) => user.age)).toEqual([10, 99, 99]);
    expect(await db.find(User.age.eq(99)).delete().value).toBe(2);
    expect(await db.find(User).count().value).toBe(1);
  });

  it("one() fails with NoResultError through the result when nothing matches", async () => {
    const { db, create } = context();
    const User = defineUser();
    await create();
    const result = await db.find(User.name.eq("nobody")).one();
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error).toBeInstanceOf(NoResultError);
  });
});
