import { expect, it } from "vitest";
import { z } from "zod";
import { Index, model, not, when, type Condition, type RowOf } from "ommi";
import { forEachDriver, type Context } from "../support/conformance.js";

// A structured field that may be both left out and null (`z.unknown().optional()`,
// `z.array(...).nullish()`) comes back as it was given: left out, or null. Its null is stored as
// JSON null, so that the column's NULL means "left out" only. For conditions both are null
// (isNull matches them, array operators match neither), and not(...) is still the complement.

function defineNote(context: () => Context) {
  return model(
    z.object({
      id: z.number().int(),
      extra: z.unknown().optional(),
      tags: z.array(z.string()).nullish(),
      place: z.object({ city: z.string() }).nullish(),
    }),
    { name: "Note", collection: context().collection, fields: { tags: Index, "place.city": Index } },
  );
}

const ROWS = [
  { id: 1 },
  { id: 2, extra: null, tags: null, place: null },
  { id: 3, extra: { a: 1 }, tags: ["x"], place: { city: "Lyon" } },
  { id: 4, extra: 0, tags: [], place: { city: "Paris" } },
];

forEachDriver("structured fields left out or null", (context) => {
  it("come back left out, or null, as they were given; an update to null stays null", async () => {
    const Note = defineNote(context);
    const { db, create } = context();
    await create();
    await db.add(Note, ROWS).raiseOnErrors();
    const rows = await db.find(when(Note).sort(Note.id.asc())).all().value;
    expect(rows.map((row) => Object.keys(row))).toEqual([["id"], ["id", "extra", "tags", "place"], ["id", "extra", "tags", "place"], ["id", "extra", "tags", "place"]]);
    expect(rows[1]).toEqual({ id: 2, extra: null, tags: null, place: null });
    await db.find(Note.id.eq(3)).update({ extra: null, tags: null }).raiseOnErrors();
    const updated = await db.find(Note.id.eq(3)).one().value;
    expect(Object.keys(updated)).toEqual(["id", "extra", "tags", "place"]);
    expect(updated).toMatchObject({ extra: null, tags: null });
  });

  it("are null for conditions whether left out or null: isNull, array operators and not(...)", async () => {
    const Note = defineNote(context);
    const { db, create } = context();
    await create();
    await db.add(Note, ROWS).raiseOnErrors();
    const ids = async (condition: Condition<RowOf<typeof Note>>) => (await db.find(when(Note, condition).sort(Note.id.asc())).all().value).map((row) => row.id);
    expect(await ids(Note.extra.isNull())).toEqual([1, 2]);
    expect(await ids(Note.extra.isNotNull())).toEqual([3, 4]);
    expect(await ids(Note.tags.isNull())).toEqual([1, 2]);
    expect(await ids(Note.tags.isEmpty())).toEqual([4]);
    expect(await ids(not(Note.tags.isEmpty()))).toEqual([1, 2, 3]);
    expect(await ids(Note.tags.length.eq(0))).toEqual([4]);
    expect(await ids(Note.tags.length.isNull())).toEqual([1, 2]);
    expect(await ids(Note.tags.has("x"))).toEqual([3]);
    expect(await ids(Note.tags.hasAll([]))).toEqual([3, 4]);
    expect(await ids(Note.tags.hasAny(["x", "y"]))).toEqual([3]);
    expect(await ids(Note.tags.some((tag) => tag.isNull()))).toEqual([]);
    expect(await ids(not(Note.tags.some((tag) => tag.eq("x"))))).toEqual([1, 2, 4]);
    expect(await ids(Note.place.city.eq("Lyon"))).toEqual([3]);
    expect(await ids(Note.place.city.isNull())).toEqual([1, 2]);
    expect(await ids(Note.place.isNull())).toEqual([1, 2]);
    expect(await ids(Note.extra.eq(0))).toEqual([4]);
    expect(await ids(Note.extra.ne(0))).toEqual([3]);
  });
});
