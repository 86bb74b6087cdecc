import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type AnyFieldRef, Key, ModelCollection, ModelError, model, QueryError, ReferenceTo, relations, when, Ommi } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

/** People, their pets, and a pet's vet visits: references one way, two ways, and to itself. */
function define() {
  const collection = new ModelCollection();
  const Person = model(z.object({ id: z.number().int(), name: z.string(), bestFriendId: z.number().int().nullable() }), {
    name: "Person", collection, fields: { bestFriendId: ReferenceTo((): AnyFieldRef => Person.id) },
  });
  const Pet = model(z.object({ id: z.number().int(), ownerId: z.number().int(), sitterId: z.number().int().nullable() }), {
    name: "Pet", collection, fields: { ownerId: ReferenceTo(Person.id), sitterId: ReferenceTo(Person.id) },
  });
  const Vet = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Vet", collection });
  const Friendship = model(z.object({ a: z.number().int(), b: z.number().int() }), {
    name: "Friendship", collection, fields: { a: [Key, ReferenceTo(Person.id)], b: [Key, ReferenceTo(Person.id)] },
  });
  return { collection, Person, Pet, Vet, Friendship };
}

function modelError(declare: () => unknown): ModelError {
  try {
    declare();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error("expected a ModelError");
}

describe("relations(): declarations that cannot join are ModelErrors naming both models", () => {
  it("a target in another collection", () => {
    const { Person } = define();
    const Stranger = model(z.object({ id: z.number().int() }), { name: "Stranger", collection: new ModelCollection() });
    const error = modelError(() => relations({ Person, Stranger }, ({ one }) => ({ Person: { stranger: one(Stranger) } })));
    expect(error.message).toMatch(/Person and Stranger are in different collections/);
  });

  it("a target not given to relations()", () => {
    const { Person, Vet } = define();
    const error = modelError(() => relations({ Person }, ({ one }) => ({ Person: { vet: one(Vet as never) } })));
    expect(error.message).toMatch(/Person\.vet.*Vet is not among the models given/);
  });

  it("two models that no ReferenceTo joins", () => {
    const { Person, Vet } = define();
    const error = modelError(() => relations({ Person, Vet }, ({ one }) => ({ Vet: { person: one(Person) } })));
    expect(error.message).toMatch(/no ReferenceTo joins Vet and Person/);
  });

  it("two references and no `by`: the message lists both", () => {
    const { Person, Pet } = define();
    const error = modelError(() => relations({ Person, Pet }, ({ one }) => ({ Pet: { owner: one(Person) } })));
    expect(error.message).toMatch(/Pet and Person are joined by more than one reference \(Pet\.ownerId, Pet\.sitterId\)/);
  });

  it("a reference of a model to itself without `by`", () => {
    const { Person } = define();
    const error = modelError(() => relations({ Person }, ({ one }) => ({ Person: { bestFriend: one(Person) } })));
    expect(error.message).toMatch(/Person\.bestFriend.*itself.*by: Person\.bestFriendId/);
  });

  it("many() along a reference that points to one row", () => {
    const { Person, Vet, collection } = define();
    const Clinic = model(z.object({ id: z.number().int(), vetId: z.number().int() }), { name: "Clinic", collection, fields: { vetId: ReferenceTo(Vet.id) } });
    const error = modelError(() => relations({ Clinic, Vet, Person }, ({ many }) => ({ Clinic: { vets: many(Vet) } })));
    expect(error.message).toMatch(/Clinic\.vetId refers to one Vet.*one\(Vet\)/);
  });

  it("`by` naming a field of a third model, or a field that refers to nothing", () => {
    const { Person, Pet, Vet } = define();
    expect(modelError(() => relations({ Person, Pet, Vet }, ({ one }) => ({ Pet: { owner: one(Person, { by: Vet.id }) } }))).message).toMatch(/Vet\.id, a field of Vet/);
    expect(modelError(() => relations({ Person, Pet }, ({ one }) => ({ Pet: { owner: one(Person, { by: Pet.id }) } }))).message).toMatch(/Pet\.id.*is not a whole ReferenceTo/);
  });

  it("an association model that refers to the same model twice needs from or to", () => {
    const { Person, Friendship } = define();
    const error = modelError(() => relations({ Person, Friendship }, ({ many }) => ({ Person: { friends: many(Person, { through: Friendship }) } })));
    expect(error.message).toMatch(/Friendship refers to Person more than once.*from/);
    expect(() => relations({ Person, Friendship }, ({ many }) => ({ Person: { friends: many(Person, { through: Friendship, from: Friendship.a }) } }))).not.toThrow();
  });

  it("names that are fields, or that every object has, and a relation declared twice", () => {
    const { Person, Pet } = define();
    expect(modelError(() => relations({ Person, Pet }, ({ many }) => ({ Person: { name: many(Pet, { by: Pet.ownerId }) } }))).message).toMatch(/Person has a field named "name"/);
    expect(modelError(() => relations({ Person, Pet }, ({ many }) => ({ Person: { then: many(Pet, { by: Pet.ownerId }) } }))).message).toMatch(/"then" is a name every JavaScript object has/);
    relations({ Person, Pet }, ({ many }) => ({ Person: { pets: many(Pet, { by: Pet.ownerId }) } }));
    expect(modelError(() => relations({ Person, Pet }, ({ many }) => ({ Person: { pets: many(Pet, { by: Pet.ownerId }) } }))).message).toMatch(/already declared/);
  });

  it("a failed relations() declares none of its relations", async () => {
    const { Person, Pet, Vet, collection } = define();
    modelError(() => relations({ Person, Pet, Vet }, ({ one, many }) => ({ Person: { pets: many(Pet, { by: Pet.ownerId }) }, Vet: { person: one(Person) } })));
    const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
    await db.schema(collection).createModels().raiseOnErrors();
    expect(() => db.find(when(Person)).include({ pets: true } as never)).toThrow(QueryError);
    await db.close();
  });
});

describe("include() of a name that is no relation", () => {
  it("is a QueryError naming the model and its relations, thrown before anything runs", async () => {
    const { Person, Pet, collection } = define();
    const { Person: People } = relations({ Person, Pet }, ({ many }) => ({ Person: { pets: many(Pet, { by: Pet.ownerId }) } }));
    const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
    await db.schema(collection).createModels().raiseOnErrors();
    // @ts-expect-error: `animals` is no relation of Person
    expect(() => db.find(when(People)).include({ animals: true })).toThrow(/Person has no relation named "animals"; its relations are pets/);
    // @ts-expect-error: Pet has no relations to include in turn
    expect(() => db.find(when(People)).include({ pets: { owner: true } })).toThrow(/Pet has no relation named "owner"; it has none/);
    await db.close();
  });

  it("a spec that contains itself is a QueryError, not a loop", async () => {
    const { Person, collection } = define();
    const { Person: People } = relations({ Person }, ({ many }) => ({ Person: { admirers: many(Person, { by: Person.bestFriendId }) } }));
    const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
    await db.schema(collection).createModels().raiseOnErrors();
    const spec: Record<string, unknown> = {};
    spec.admirers = spec;
    expect(() => db.find(when(People)).include(spec as never)).toThrow(/the spec at Person\.admirers contains itself/);
    // A tree written out to a depth is fine.
    expect(() => db.find(when(People)).include({ admirers: { admirers: { admirers: true } } })).not.toThrow();
    await db.close();
  });
});
