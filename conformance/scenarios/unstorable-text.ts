import { expect, it } from "vitest";
import { z } from "zod";
import { model, QueryError, ValidationError, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { failure, fieldOf } from "../support/results.js";

/** Text that is not well-formed UTF-16 has no exact UTF-8 form in any database. */
const LONE_SURROGATES = ["x\uD800y", "\uDC00", "end\uD83D", "😀\uDE00"];

export const unstorableText = defineScenario("unstorable-text", "text that cannot be stored exactly", (context) => {
  async function setup() {
    const { db, create, collection } = context();
    const Note = model(z.object({ id: z.number().int(), text: z.string().nullable() }), { name: "Note", collection });
    await create();
    await db.add(Note, { id: 1, text: "kept" }).raiseOnErrors();
    return { db, Note };
  }

  it("is refused on add with a ValidationError naming the field; nothing of the batch is written", async () => {
    const { db, Note } = await setup();
    for (const text of LONE_SURROGATES) {
      const error = await failure(db.add(Note, [{ id: 2, text: "fine" }, { id: 3, text }]));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([["text"]]);
      expect((error as ValidationError).index).toBe(1);
      expect(error.message).toMatch(/lone surrogate/);
    }
    expect(await fieldOf(db.find(when(Note).sort(Note.id.asc())), "text")).toEqual(["kept"]);
  });

  it("is refused on update, and the row keeps its value", async () => {
    const { db, Note } = await setup();
    const error = await failure(db.find(Note.id.eq(1)).update({ text: "x\uD800y" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/Note/);
    expect(await fieldOf(db.find(Note.id.eq(1)), "text")).toEqual(["kept"]);
  });

  it("is refused as a query value with a QueryError naming the field, for every operator", async () => {
    const { db, Note } = await setup();
    const conditions = [
      Note.text.eq("x\uD800y"), Note.text.ne("\uDC00"), Note.text.gt("\uD800"), Note.text.in(["a", "\uD800"]),
      Note.text.contains("\uD800"), Note.text.startsWith("\uDC00"), Note.text.like("%\uD800%"), Note.text.ilike("\uD800"),
    ];
    for (const condition of conditions) {
      const error = await failure(db.find(condition).all());
      expect(error).toBeInstanceOf(QueryError);
      expect(error.message).toMatch(/Note\.text/);
    }
  });

  it("well-formed astral text (surrogate pairs) is stored and found", async () => {
    const { db, Note } = await setup();
    await db.add(Note, { id: 2, text: "😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢" }).raiseOnErrors();
    expect(await fieldOf(db.find(Note.text.contains("𝔫")), "id")).toEqual([2]);
  });
});
