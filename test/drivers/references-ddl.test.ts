import { expect, it } from "vitest";
import { z } from "zod";
import { type AnyFieldRef, ConstraintError, Key, model, ModelCollection, ModelError, not, ReferenceTo, SchemaError, Unique, when, type Query, type RowOf } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";
import { forEachDriver, type Context } from "../support/conformance.js";
import { driversUnderTest } from "../support/drivers.js";
import { failure, fieldOf } from "../support/results.js";

// Each reference is one foreign key the database accepts and enforces: a composite reference
// (fields naming the parts of a composite key) as one constraint over all its columns, and
// references that form a cycle (Department ⇄ Employee) too, on a database where a foreign key
// must name a table that exists. createModels runs on every start, so each case runs it twice.

/** The databases that enforce references as foreign keys (capability `foreignKeys`): the SQL ones, not MongoDB. */
const withForeignKeys = driversUnderTest.filter((target) => !target.name.startsWith("mongodb"));

/** A seat is known by its row and number together; a ticket refers to one by both. */
function defineTheatre(collection: ModelCollection) {
  const Seat = model(z.object({ row: z.string(), number: z.number().int(), holder: z.string().nullable() }), {
    name: "Seat",
    collection,
    fields: { row: Key, number: Key },
  });
  const Ticket = model(z.object({ id: z.number().int(), seatRow: z.string().nullable(), seatNumber: z.number().int().nullable() }), {
    name: "Ticket",
    collection,
    fields: { seatRow: ReferenceTo(Seat.row), seatNumber: ReferenceTo(Seat.number) },
  });
  return { Seat, Ticket };
}

const SEATS = [
  { row: "A", number: 1, holder: "x" },
  { row: "A", number: 2, holder: "y" },
  { row: "B", number: 1, holder: "x" },
];

async function createTwice(context: Context): Promise<void> {
  const { create } = context;
  await create();
  await create();
}

forEachDriver("references as foreign keys", (context) => {
  it("runs where the database declares foreign keys", () => {
    expect(context().driver.capabilities.foreignKeys).toBe(true);
  });

  it("a composite reference is one foreign key over both columns: a pair no seat has is a ConstraintError", async () => {
    const { db } = context();
    const { Seat, Ticket } = defineTheatre(context().collection);
    await createTwice(context());
    await db.add(Seat, SEATS).raiseOnErrors();

    await db.add(Ticket, { id: 1, seatRow: "A", seatNumber: 2 }).raiseOnErrors();
    // Row B and number 2 each exist, on other seats: only the pair is checked.
    expect(await failure(db.add(Ticket, { id: 2, seatRow: "B", seatNumber: 2 }))).toBeInstanceOf(ConstraintError);
    expect(await failure(db.add(Ticket, { id: 3, seatRow: "C", seatNumber: 1 }))).toBeInstanceOf(ConstraintError);
    expect(await failure(db.find(Ticket.id.eq(1)).update({ seatNumber: 3 }))).toBeInstanceOf(ConstraintError);
    // A ticket without a seat refers to none.
    await db.add(Ticket, { id: 4, seatRow: null, seatNumber: null }).raiseOnErrors();
    expect(await failure(db.find(Seat.row.eq("A"), Seat.number.eq(2)).delete())).toBeInstanceOf(ConstraintError);
    expect(await db.find(when(Ticket).sort(Ticket.id.asc())).all().value).toEqual([
      { id: 1, seatRow: "A", seatNumber: 2 },
      { id: 4, seatRow: null, seatNumber: null },
    ]);
  });

  it("a composite reference whose fields come in another order than the key's is enforced the same", async () => {
    const { db, collection } = context();
    const { Seat } = defineTheatre(collection);
    const Booking = model(z.object({ id: z.number().int(), seatNumber: z.number().int(), seatRow: z.string() }), {
      name: "Booking",
      collection,
      fields: { seatNumber: ReferenceTo(Seat.number), seatRow: ReferenceTo(Seat.row) },
    });
    await createTwice(context());
    await db.add(Seat, SEATS).raiseOnErrors();
    await db.add(Booking, { id: 1, seatNumber: 1, seatRow: "B" }).raiseOnErrors();
    expect(await failure(db.add(Booking, { id: 2, seatNumber: 2, seatRow: "B" }))).toBeInstanceOf(ConstraintError);
    expect(await fieldOf(db.find(when(Booking, Seat.holder.eq("x"))), "id")).toEqual([1]);
  });

  it("mutual references: createModels works twice, and each side is enforced", async () => {
    const { db, collection } = context();
    const Department = model(z.object({ id: z.number().int(), name: z.string(), managerId: z.number().int().nullable() }), {
      name: "Department",
      collection,
      fields: { managerId: ReferenceTo((): AnyFieldRef => Employee.id) },
    });
    const Employee = model(z.object({ id: z.number().int(), name: z.string(), departmentId: z.number().int() }), {
      name: "Employee",
      collection,
      fields: { departmentId: ReferenceTo(Department.id) },
    });
    await createTwice(context());

    await db.add(Department, { id: 1, name: "Research", managerId: null }).raiseOnErrors();
    await db.add(Employee, { id: 10, name: "Ann", departmentId: 1 }).raiseOnErrors();
    await db.find(Department.id.eq(1)).update({ managerId: 10 }).raiseOnErrors();
    expect(await failure(db.add(Employee, { id: 11, name: "Bob", departmentId: 2 }))).toBeInstanceOf(ConstraintError);
    expect(await failure(db.add(Department, { id: 2, name: "Sales", managerId: 99 }))).toBeInstanceOf(ConstraintError);
    expect(await failure(db.find(Department.id.eq(1)).update({ managerId: 11 }))).toBeInstanceOf(ConstraintError);
    expect(await failure(db.find(Employee.id.eq(10)).delete())).toBeInstanceOf(ConstraintError);
    expect(await db.find(Department.id.eq(1)).one().value).toEqual({ id: 1, name: "Research", managerId: 10 });
  });

  it("a cycle of three references: createModels works twice, and each reference is enforced", async () => {
    const { db, collection } = context();
    const row = z.object({ id: z.number().int(), nextId: z.number().int().nullable() });
    const First = model(row, { name: "First", collection, fields: { nextId: ReferenceTo((): AnyFieldRef => Second.id) } });
    const Second = model(row, { name: "Second", collection, fields: { nextId: ReferenceTo((): AnyFieldRef => Third.id) } });
    const Third = model(row, { name: "Third", collection, fields: { nextId: ReferenceTo(First.id) } });
    await createTwice(context());

    for (const stage of [First, Second, Third]) {
      await db.add(stage, { id: 1, nextId: null }).raiseOnErrors();
      expect(await failure(db.add(stage, { id: 2, nextId: 7 }))).toBeInstanceOf(ConstraintError);
    }
    for (const stage of [First, Second, Third]) await db.find(stage.id.eq(1)).update({ nextId: 1 }).raiseOnErrors();
    expect(await fieldOf(db.find(when(First, Third.id.eq(1))), "id")).toEqual([1]);
  });

  it("a composite reference that closes a cycle: createModels works twice, and both references are enforced", async () => {
    const { db, collection } = context();
    // Seat comes first, so Ticket's table is created before Seat's: its composite reference closes the cycle.
    const Seat = model(z.object({ row: z.string(), number: z.number().int(), lastTicketId: z.number().int().nullable() }), {
      name: "Seat",
      collection,
      fields: { row: Key, number: Key, lastTicketId: ReferenceTo((): AnyFieldRef => Ticket.id) },
    });
    const Ticket = model(z.object({ id: z.number().int(), seatRow: z.string(), seatNumber: z.number().int() }), {
      name: "Ticket",
      collection,
      fields: { seatRow: ReferenceTo(Seat.row), seatNumber: ReferenceTo(Seat.number) },
    });
    await createTwice(context());
    await db.add(Seat, [{ row: "A", number: 1, lastTicketId: null }, { row: "B", number: 2, lastTicketId: null }]).raiseOnErrors();
    await db.add(Ticket, { id: 1, seatRow: "A", seatNumber: 1 }).raiseOnErrors();
    await db.find(Seat.row.eq("A")).update({ lastTicketId: 1 }).raiseOnErrors();
    expect(await failure(db.add(Ticket, { id: 2, seatRow: "A", seatNumber: 2 }))).toBeInstanceOf(ConstraintError);
    expect(await failure(db.find(Seat.row.eq("B")).update({ lastTicketId: 2 }))).toBeInstanceOf(ConstraintError);
    await db.schema(collection).deleteModels().raiseOnErrors();
  });

  it("a self-reference, to the key or to a Unique field: createModels works twice, and it is enforced", async () => {
    const { db, collection } = context();
    const Node = model(z.object({ id: z.number().int(), parentId: z.number().int().nullable() }), {
      name: "Node",
      collection,
      fields: { parentId: ReferenceTo((): AnyFieldRef => Node.id) },
    });
    const Category = model(z.object({ id: z.number().int(), code: z.string(), parentCode: z.string().nullable() }), {
      name: "Category",
      collection,
      fields: { code: Unique, parentCode: ReferenceTo((): AnyFieldRef => Category.code) },
    });
    await createTwice(context());

    await db.add(Node, [{ id: 1, parentId: null }, { id: 2, parentId: 1 }]).raiseOnErrors();
    expect(await failure(db.add(Node, { id: 3, parentId: 9 }))).toBeInstanceOf(ConstraintError);
    await db.add(Category, [{ id: 1, code: "root", parentCode: null }, { id: 2, code: "leaf", parentCode: "root" }]).raiseOnErrors();
    expect(await failure(db.add(Category, { id: 3, code: "lost", parentCode: "nowhere" }))).toBeInstanceOf(ConstraintError);
    expect(await fieldOf(db.find(when(Node).sort(Node.id.asc())), "parentId")).toEqual([null, 1]);
  });

  it("mutual references between models with long names: each foreign key name fits, and createModels works twice", async () => {
    const { db, collection } = context();
    const long = "AModelNameLongEnoughThatItsForeignKeysNeedShortening";
    const Left = model(z.object({ id: z.number().int(), theReferenceToTheOtherSideOfThisPair: z.number().int().nullable() }), {
      name: `${long}Left`,
      collection,
      fields: { theReferenceToTheOtherSideOfThisPair: ReferenceTo((): AnyFieldRef => Right.id) },
    });
    const Right = model(z.object({ id: z.number().int(), theReferenceToTheOtherSideOfThisPair: z.number().int().nullable() }), {
      name: `${long}Right`,
      collection,
      fields: { theReferenceToTheOtherSideOfThisPair: ReferenceTo(Left.id) },
    });
    await createTwice(context());
    await db.add(Left, { id: 1, theReferenceToTheOtherSideOfThisPair: null }).raiseOnErrors();
    await db.add(Right, { id: 1, theReferenceToTheOtherSideOfThisPair: 1 }).raiseOnErrors();
    await db.find(Left.id.eq(1)).update({ theReferenceToTheOtherSideOfThisPair: 1 }).raiseOnErrors();
    for (const side of [Left, Right]) {
      expect(await failure(db.add(side, { id: 2, theReferenceToTheOtherSideOfThisPair: 5 }))).toBeInstanceOf(ConstraintError);
    }
  });

  it("two references of a model whose foreign keys would take one name are a ModelError before anything is created", async () => {
    const { db, collection } = context();
    const Venue = model(z.object({ id: z.number().int() }), { name: "Venue", collection });
    const Pair = model(z.object({ a: z.number().int(), b: z.number().int() }), { name: "Pair", collection, fields: { a: Key, b: Key } });
    // (a, b) and a_b both name a foreign key Pass_a_b_fkey.
    model(z.object({ id: z.number().int(), a: z.number().int(), b: z.number().int(), a_b: z.number().int() }), {
      name: "Pass",
      collection,
      fields: { a: ReferenceTo(Pair.a), b: ReferenceTo(Pair.b), a_b: ReferenceTo(Venue.id) },
    });
    const error = await failure(db.schema(collection).createModels());
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toContain('the foreign key of Pass.a_b and the foreign key of Pass.(a, b) would both be named "Pass_a_b_fkey"');
    expect(await failure(db.find(Venue).count())).toBeInstanceOf(SchemaError);
  });

  it("references over columns added to an existing table: a one-field one is enforced; a composite one where the database can add it", async () => {
    const { db, driver, collection } = context();
    const Seat = model(z.object({ row: z.string(), number: z.number().int(), holder: z.string().nullable() }), { name: "Seat", collection, fields: { row: Key, number: Key } });
    const Venue = model(z.object({ id: z.number().int() }), { name: "Venue", collection });
    const before = new ModelCollection();
    const Ticket = model(z.object({ id: z.number().int() }), { name: "Ticket", collection: before });
    await createTwice(context());
    await db.schema(before).createModels().raiseOnErrors();
    await db.add(Seat, SEATS).raiseOnErrors();
    await db.add(Venue, { id: 1 }).raiseOnErrors();
    await db.add(Ticket, { id: 1 }).raiseOnErrors();

    const grown = new ModelCollection();
    const Grown = model(
      z.object({ id: z.number().int(), venueId: z.number().int().nullable(), seatRow: z.string().nullable(), seatNumber: z.number().int().nullable() }),
      { name: "Ticket", collection: grown, fields: { venueId: ReferenceTo(Venue.id), seatRow: ReferenceTo(Seat.row), seatNumber: ReferenceTo(Seat.number) } },
    );
    await db.schema(grown).createModels().raiseOnErrors();
    await db.schema(grown).createModels().raiseOnErrors();

    await db.add(Grown, { id: 2, venueId: 1, seatRow: "A", seatNumber: 1 }).raiseOnErrors();
    expect(await failure(db.add(Grown, { id: 3, venueId: 5, seatRow: null, seatNumber: null }))).toBeInstanceOf(ConstraintError);
    const missingSeat = db.add(Grown, { id: 4, venueId: null, seatRow: "B", seatNumber: 2 });
    // SQLite cannot add a constraint to an existing table: there the composite reference goes without.
    if (driver instanceof SQLiteDriver) await missingSeat.raiseOnErrors();
    else expect(await failure(missingSeat)).toBeInstanceOf(ConstraintError);
    expect(await fieldOf(db.find(when(Grown).sort(Grown.id.asc())), "seatRow")).toEqual(driver instanceof SQLiteDriver ? [null, "A", "B"] : [null, "A"]);
  });
}, withForeignKeys);

// What holds wherever references are declared, enforced by the database or not.
forEachDriver("references on every database", (context) => {
  it("a condition across a composite reference matches by both columns, and not() is its complement", async () => {
    const { db } = context();
    const { Seat, Ticket } = defineTheatre(context().collection);
    await createTwice(context());
    await db.add(Seat, SEATS).raiseOnErrors();
    await db
      .add(Ticket, [
        { id: 1, seatRow: "A", seatNumber: 1 },
        { id: 2, seatRow: "A", seatNumber: 2 },
        { id: 3, seatRow: "B", seatNumber: 1 },
        { id: 4, seatRow: null, seatNumber: null },
      ])
      .raiseOnErrors();
    const tickets = async (query: Query<RowOf<typeof Ticket>>) => (await fieldOf(db.find(query), "id")).sort();
    expect(await tickets(when(Ticket, Seat.holder.eq("x")))).toEqual([1, 3]);
    expect(await tickets(when(Ticket, not(Seat.holder.eq("x"))))).toEqual([2, 4]);
    expect(await tickets(when(Ticket, Seat.holder.eq("y")))).toEqual([2]);
    const seats = await db.find(when(Seat, Ticket.id.eq(2))).all().value;
    expect(seats).toEqual([{ row: "A", number: 2, holder: "y" }]);
  });

  it("a reference to part of a composite key is a ModelError from createModels, naming the model", async () => {
    const { db, collection } = context();
    const Seat = model(z.object({ row: z.string(), number: z.number().int() }), { name: "Seat", collection, fields: { row: Key, number: Key } });
    model(z.object({ id: z.number().int(), seatRow: z.string() }), { name: "Ticket", collection, fields: { seatRow: ReferenceTo(Seat.row) } });
    const error = await failure(db.schema(collection).createModels());
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/^Ticket refers to Seat by Ticket\.seatRow/);
    // Refused before anything was created.
    expect(await failure(db.find(Seat).count())).toBeInstanceOf(SchemaError);
  });

  it("a reference to a field that is neither a key nor Unique is a ModelError from createModels, naming the model", async () => {
    const { db, collection } = context();
    const Owner = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Owner", collection });
    model(z.object({ id: z.number().int(), ownerName: z.string() }), { name: "Pet", collection, fields: { ownerName: ReferenceTo(Owner.name) } });
    const error = await failure(db.schema(collection).createModels());
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/^Pet refers to Owner by Pet\.ownerName/);
  });

  it("deleteModels drops tables that refer to each other", async () => {
    const { db, collection } = context();
    const Department = model(z.object({ id: z.number().int(), managerId: z.number().int().nullable() }), {
      name: "Department",
      collection,
      fields: { managerId: ReferenceTo((): AnyFieldRef => Employee.id) },
    });
    const Employee = model(z.object({ id: z.number().int(), departmentId: z.number().int() }), {
      name: "Employee",
      collection,
      fields: { departmentId: ReferenceTo(Department.id) },
    });
    await createTwice(context());
    await db.add(Department, { id: 1, managerId: null }).raiseOnErrors();
    await db.add(Employee, { id: 10, departmentId: 1 }).raiseOnErrors();
    await db.find(Department.id.eq(1)).update({ managerId: 10 }).raiseOnErrors();
    await db.schema(collection).deleteModels().raiseOnErrors();
    await createTwice(context());
    expect(await db.find(Department).count().value).toBe(0);
  });
});
