import { Type } from "typebox";
import * as v from "valibot";
import { expect, it } from "vitest";
import { z } from "zod";
import { model, when, type Model } from "ommi";
import { forEachDriver, type Context } from "../support/conformance.js";

/** The same note, in each library, with a text whose default (or lack of one) makes a left-out value null. */
const notes = {
  valibot: () => v.object({ id: v.string(), text: v.nullish(v.string(), null) }),
  zod: () => z.object({ id: z.string(), text: z.string().nullish().default(null) }),
  typebox: () => Type.Object({ id: Type.String(), text: Type.Union([Type.String(), Type.Null()], { default: null }) }),
};

type Note = Model<{ id: string; text: string | null }, { id: string; text?: string | null }>;

async function roundTrip(context: Context, Note: Note, leftOut: { id: string; text?: null }) {
  const { db, create } = context;
  await create();
  await db.add(Note, [leftOut, { id: "b", text: null }, { id: "c", text: "c" }]).raiseOnErrors();
  expect(await db.find(when(Note).sort(Note.id.asc())).all().value).toEqual([
    { id: "a", text: null },
    { id: "b", text: null },
    { id: "c", text: "c" },
  ]);
  expect(await db.find(Note.text.isNull()).count().value).toBe(2);
}

forEachDriver("a default of null is stored and read back as null", (context) => {
  it("valibot: v.nullish(v.string(), null), the value left out", async () => {
    const Note = model(notes.valibot(), { name: "Note", collection: context().collection });
    await roundTrip(context(), Note, { id: "a" });
  });

  it("zod: z.string().nullish().default(null), the value left out", async () => {
    const Note = model(notes.zod(), { name: "Note", collection: context().collection });
    await roundTrip(context(), Note, { id: "a" });
  });

  it("typebox: a union with null whose default TypeBox does not apply, the null given", async () => {
    const Note = model(notes.typebox(), { name: "Note", collection: context().collection });
    // TypeBox's input type is its row type: the text must be given.
    await roundTrip(context(), Note, { id: "a", text: null });
  });
});
