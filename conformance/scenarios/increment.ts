import { expect, it } from "vitest";
import { z } from "zod";
import { increment, model, QueryError, ValidationError, when, type IncrementNode } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows, needing } from "../support/capabilities.js";
import { failure, fieldOf } from "../support/results.js";

/** `update({ field: increment(n) })`: the database adds to the stored value, in the update itself. */
export const increments = defineScenario("increment", "increments", (context) => {
  function defineCounter() {
    return model(
      z.object({
        id: z.number().int(),
        visits: z.number().int(),
        ratio: z.number(),
        big: z.bigint(),
        hits: z.number().int().nullable(),
        label: z.string(),
        level: z.union([z.literal(1), z.literal(2)]),
      }),
      { name: "Counter", collection: context().collection },
    );
  }

  const row = (id: number, visits: number, hits: number | null = 0) => ({ id, visits, ratio: 0.5, big: 10n, hits, label: "x", level: 1 as const });

  it("adds to integer fields of every matching row, and subtracts with a negative amount", needing(context, ["increments"], async () => {
    const { db, create } = context();
    const Counter = defineCounter();
    await create();
    await addRows(db, Counter, [row(1, 1), row(2, 5), row(3, 100)]);
    expect(await db.find(Counter.id.lte(2)).update({ visits: increment(1) }).value).toBe(2);
    expect(await fieldOf(db.find(when(Counter).sort(Counter.id.asc())), "visits")).toEqual([2, 6, 100]);
    expect(await db.find(Counter).update({ visits: increment(-3) }).value).toBe(3);
    expect(await fieldOf(db.find(when(Counter).sort(Counter.id.asc())), "visits")).toEqual([-1, 3, 97]);
  }));

  it("adds to float and bigint fields, exactly past 2^53 for a bigint", needing(context, ["increments"], async () => {
    const { db, create } = context();
    const Counter = defineCounter();
    await create();
    await db.add(Counter, { ...row(1, 0), big: 2n ** 60n }).raiseOnErrors();
    await db.find(Counter).update({ ratio: increment(0.25), big: increment(1n) }).raiseOnErrors();
    const stored = await db.find(Counter).one().value;
    expect([stored.ratio, stored.big]).toEqual([0.75, 2n ** 60n + 1n]);
  }));

  it("leaves a null value null (null + 1 is null), and counts its row among those changed", needing(context, ["increments"], async () => {
    const { db, create } = context();
    const Counter = defineCounter();
    await create();
    await addRows(db, Counter, [row(1, 0, null), row(2, 0, 3)]);
    expect(await db.find(Counter).update({ hits: increment(1) }).value).toBe(2);
    expect(await fieldOf(db.find(when(Counter).sort(Counter.id.asc())), "hits")).toEqual([null, 4]);
    expect(await db.find(Counter).update({ hits: increment(1), label: "y" }).value).toBe(2);
    expect(await fieldOf(db.find(when(Counter).sort(Counter.id.asc())), "label")).toEqual(["y", "y"]);
    expect(await fieldOf(db.find(when(Counter).sort(Counter.id.asc())), "hits")).toEqual([null, 5]);
  }));

  it("increments several fields and sets values in one update, on rows chosen by the field it increments", needing(context, ["increments"], async () => {
    const { db, create } = context();
    const Counter = defineCounter();
    await create();
    await addRows(db, Counter, [row(1, 1, null), row(2, 5, 1), row(3, 2, 2)]);
    expect(await db.find(Counter.visits.lt(3)).update({ visits: increment(10), hits: increment(1), label: "low" }).value).toBe(2);
    const rows = await db.find(when(Counter).sort(Counter.id.asc())).all().value;
    expect(rows.map((each) => [each.visits, each.hits, each.label])).toEqual([[11, null, "low"], [5, 1, "x"], [12, 3, "low"]]);
  }));

  it("with returning: true, gives the rows with the sums the database computed", needing(context, ["increments", "updateReturning"], async () => {
    const { db, create } = context();
    const Counter = defineCounter();
    await create();
    await addRows(db, Counter, [row(1, 1), row(2, 5)]);
    const changed = await db.find(Counter.id.eq(2)).update({ visits: increment(2), label: "seen" }, { returning: true }).value;
    expect(changed).toEqual([{ ...row(2, 7), label: "seen" }]);
  }));

  it("is atomic: concurrent increments of one row all count", needing(context, ["increments"], async () => {
    const { db, create } = context();
    const Counter = defineCounter();
    await create();
    await db.add(Counter, row(1, 0)).raiseOnErrors();
    await Promise.all(Array.from({ length: 20 }, () => db.find(Counter.id.eq(1)).update({ visits: increment(1) }).raiseOnErrors()));
    expect(await fieldOf(db.find(Counter), "visits")).toEqual([20]);
  }));

  it("inside a transaction, a rollback undoes it", needing(context, ["increments", "transactions"], async () => {
    const { db, create } = context();
    const Counter = defineCounter();
    await create();
    await db.add(Counter, row(1, 1)).raiseOnErrors();
    await db.transaction(async (tx) => {
      await tx.find(Counter).update({ visits: increment(5) }).raiseOnErrors();
      expect(await fieldOf(tx.find(Counter), "visits")).toEqual([6]);
      await tx.rollback();
    });
    expect(await fieldOf(db.find(Counter), "visits")).toEqual([1]);
  }));

  it("an amount that does not suit the field is a ValidationError naming the model and the field; a key is a QueryError; nothing changes", async () => {
    const { db, create } = context();
    const Counter = defineCounter();
    await create();
    await db.add(Counter, row(1, 1)).raiseOnErrors();
    const refused = (patch: Record<string, IncrementNode>) => failure(db.find(Counter).update(patch));
    for (const [field, amount] of [["visits", 1.5], ["visits", Number.NaN], ["ratio", Number.POSITIVE_INFINITY], ["big", 1], ["visits", 1n], ["label", 1], ["level", 1]] as const) {
      const error = await refused({ [field]: increment(amount as number) });
      expect(error, `${field} + ${String(amount)}`).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(new RegExp(`Counter[\\s\\S]*${field}`));
    }
    expect(await refused({ id: increment(1) })).toBeInstanceOf(QueryError);
    expect(await db.find(Counter).all().value).toEqual([row(1, 1)]);
  });

  it("a sum past 64 bits fails the update on every database, and nothing changes", needing(context, ["increments"], async () => {
    const { db, create } = context();
    const Counter = defineCounter();
    await create();
    const largest = 2n ** 63n - 1n;
    await db.add(Counter, { ...row(1, 1), big: largest }).raiseOnErrors();
    expect(await failure(db.find(Counter).update({ visits: increment(1), big: increment(1n) }))).toBeInstanceOf(QueryError);
    expect(await db.find(Counter).all().value).toEqual([{ ...row(1, 1), big: largest }]);
  }));
});
