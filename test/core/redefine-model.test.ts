import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Auto, defaultCollection, Index, Key, model, ModelCollection, ModelError, Ommi, ReferenceTo, StoreAs, when, type ModelOptions } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

// Hot reload and tests that import a module again evaluate its `model(...)` calls again, into the
// default collection. The same definition again replaces the registered model; a different model
// under a taken name is still a ModelError. Each test uses model names of its own: the default
// collection is shared by the whole file.

type Fields = ModelOptions<Record<string, unknown>>["fields"];
const visitorFields: Fields = { id: [Key, Auto], name: [StoreAs("display_name"), Index] };

/** What a module defining a model does each time it is evaluated. */
const defineVisitor = (name: string, fields = visitorFields, extra: z.ZodRawShape = {}) =>
  model(z.object({ id: z.number().int().optional(), name: z.string(), visits: z.number().int(), ...extra }), { name, fields });

const registered = (name: string) => defaultCollection.models.filter((each) => each.name.toLowerCase() === name.toLowerCase());

describe("redefining a model with the same name in the default collection", () => {
  it("the same definition twice is fine, and the second handle works with the database", async () => {
    const first = defineVisitor("Visitor");
    const second = defineVisitor("Visitor");
    expect(second).not.toBe(first);
    // One model of that name in the collection: the second definition, in the first one's place.
    expect(registered("Visitor")).toHaveLength(1);

    const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
    try {
      await db.schema().createModels().raiseOnErrors();
      const [added] = await db.add(second, { name: "Ada", visits: 1 }).value;
      expect(added?.id).toBe(1);
      await db.find(second.id.eq(1)).update({ visits: 2 }).raiseOnErrors();
      expect(await db.find(when(second.name.eq("Ada"))).one().value).toEqual({ id: 1, name: "Ada", visits: 2 });
      // A handle kept from before the reload reads the same table.
      expect(await db.find(first.visits.eq(2)).count().value).toBe(1);
    } finally {
      await db.close();
    }
  });

  it("models that refer to each other can all be defined again; the new one refers to the new one", () => {
    const defineBoth = () => {
      const Author = model(z.object({ id: z.number().int(), name: z.string() }), { name: "ReloadedAuthor" });
      model(z.object({ id: z.number().int(), authorId: z.number().int() }), { name: "ReloadedBook", fields: { authorId: ReferenceTo(Author.id) } });
    };
    defineBoth();
    defineBoth();
    expect(registered("ReloadedAuthor")).toHaveLength(1);
    expect(registered("ReloadedBook")).toHaveLength(1);
    expect(defaultCollection.get("ReloadedBook")?.field("authorId")?.reference?.model).toBe(defaultCollection.get("ReloadedAuthor"));
  });

  it("a different field type under the same name is a ModelError naming the model and the field", () => {
    defineVisitor("Guest");
    const different = () => model(z.object({ id: z.number().int().optional(), name: z.string(), visits: z.string() }), { name: "Guest", fields: visitorFields });
    expect(different).toThrow(ModelError);
    expect(different).toThrow(/"Guest" is already in the default collection, and this definition of "Guest" differs from it \(field visits: integer there, string here\)/);
    // The refused definition left the registered one in place.
    expect(defaultCollection.get("Guest")?.field("visits")?.type).toBe("integer");
  });

  it("different markers, columns, fields or name case are each a ModelError saying what differs", () => {
    defineVisitor("Member");
    expect(() => defineVisitor("Member", { id: [Key, Auto], name: StoreAs("display_name") })).toThrow(
      /field name: string, stored as "display_name", indexed there, string, stored as "display_name" here/,
    );
    expect(() => defineVisitor("Member", { id: [Key, Auto], name: [StoreAs("label"), Index] })).toThrow(/stored as "label"/);
    expect(() => defineVisitor("Member", visitorFields, { email: z.string() })).toThrow(/the fields: id, name, visits there, id, name, visits, email here/);
    expect(() => defineVisitor("member")).toThrow(/the name: Member there, member here/);
    expect(registered("Member")).toHaveLength(1);
  });

  it("an enum with other values is a different model", () => {
    const define = (values: [string, ...string[]]) => () => model(z.object({ id: z.number().int(), status: z.enum(values) }), { name: "Ticket" });
    define(["open", "closed"])();
    expect(define(["open", "closed"])).not.toThrow();
    expect(define(["open", "closed", "stale"])).toThrow(/field status: string \(one of "open", "closed"\) there, string \(one of "open", "closed", "stale"\) here/);
  });

  it("a collection of one's own still refuses any second model of a name, the same definition too", () => {
    const collection = new ModelCollection();
    const define = () => model(z.object({ id: z.number().int() }), { name: "Thing", collection });
    define();
    expect(define).toThrow(/"Thing" is already in this collection/);
  });
});
