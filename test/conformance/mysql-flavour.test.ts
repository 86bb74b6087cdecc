import { expect, it } from "vitest";
import { z } from "zod";
import { Auto, ConstraintError, Key, model, ModelCollection, ReferenceTo, Unique, when, type AnyFieldRef } from "ommi";
import { runConformance } from "ommi/conformance";
import { forEachDriver } from "../support/conformance.js";
import { mysql8WaysUnderTest, mysqlUnderTest } from "../support/mysql.js";
import { failure, fieldOf } from "../support/results.js";

// Ommi's conformance suite on MySQL/MariaDB with the driver taking MySQL 8's ways wherever the
// server takes them too (see drivers/mysql/server.ts): on the shared MariaDB, generated keys
// without RETURNING, information_schema instead of IF [NOT] EXISTS, and foreign keys as table
// constraints run as a MySQL 8 server runs them. Without a server it skips loudly, and fails in CI.
runConformance(mysql8WaysUnderTest);

/** A count the database gives for SQL the test writes (information_schema). */
async function countOf(query: Promise<Record<string, unknown>[]>): Promise<number> {
  const [row] = await query;
  return Number(Object.values(row ?? {})[0]);
}

// What the conformance suite does not reach of the ways that differ, on both: MariaDB's own and MySQL 8's.
forEachDriver(
  "MySQL flavours",
  (context) => {
    it("an add that gives some integer keys and leaves others out stores every row under the key it gives back", async () => {
      const { db, create, collection } = context();
      const Tag = model(z.object({ id: z.number().int().optional(), label: z.string() }), { name: "Tag", collection, fields: { id: [Key, Auto] } });
      await create();
      await db.add(Tag, [{ label: "a" }, { label: "b" }]).raiseOnErrors();
      const added = await db.add(Tag, [{ label: "c" }, { id: 1000, label: "d" }, { label: "e" }, { label: "f" }]).value;
      expect(added.map((tag) => tag.id)).toEqual([expect.any(Number), 1000, expect.any(Number), expect.any(Number)]);
      for (const tag of added) expect(await db.find(Tag.id.eq(tag.id)).one().value).toEqual(tag);
      expect(new Set(added.map((tag) => tag.id)).size).toBe(4);
      // A batch of more rows than one INSERT takes: every key is the stored row's.
      const many = await db.add(Tag, Array.from({ length: 1234 }, (_, index) => ({ label: `n${index}` }))).value;
      const stored = await db.find(when(Tag.label.startsWith("n")).sort(Tag.id.asc())).all().value;
      expect(many.map((tag) => [tag.id, tag.label])).toEqual(stored.map((tag) => [tag.id, tag.label]));
    });

    it("a reference gained by an existing table is a foreign key that the database enforces", async () => {
      const { db, create, collection } = context();
      const Author = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Author", collection });
      model(z.object({ id: z.number().int(), title: z.string() }), { name: "Book", collection });
      await create();
      await db.add(Author, { id: 1, name: "Ann" }).raiseOnErrors();

      const grown = new ModelCollection();
      const GrownAuthor = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Author", collection: grown });
      const Book = model(z.object({ id: z.number().int(), title: z.string(), authorId: z.number().int().nullable().optional() }), {
        name: "Book",
        collection: grown,
        fields: { authorId: ReferenceTo(GrownAuthor.id as AnyFieldRef) },
      });
      await db.schema(grown).createModels().raiseOnErrors();
      await db.schema(grown).createModels().raiseOnErrors();

      await db.add(Book, { id: 1, title: "One", authorId: 1 }).raiseOnErrors();
      expect(await failure(db.add(Book, { id: 2, title: "Two", authorId: 2 }))).toBeInstanceOf(ConstraintError);
      const foreignKeys = db.sql`SELECT count(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ${"Book"} AND CONSTRAINT_NAME = ${"Book_authorId_fkey"}`.value;
      expect(await countOf(foreignKeys)).toBe(1);
    });

    it("models whose references form a cycle are dropped and made again, and dropping tables that are not there does nothing", async () => {
      const { db, create, collection } = context();
      const Department = model(z.object({ id: z.number().int(), headId: z.number().int().nullable() }), {
        name: "Department",
        collection,
        fields: { headId: ReferenceTo((): AnyFieldRef => Employee.id) },
      });
      const Employee = model(z.object({ id: z.number().int(), departmentId: z.number().int().nullable() }), {
        name: "Employee",
        collection,
        fields: { departmentId: ReferenceTo(Department.id) },
      });
      const schema = db.schema(collection);
      await schema.deleteModels().raiseOnErrors();
      await create();
      await create();
      await db.add(Department, { id: 1, headId: null }).raiseOnErrors();
      await db.add(Employee, { id: 1, departmentId: 1 }).raiseOnErrors();
      expect(await failure(db.find(Department.id.eq(1)).update({ headId: 9 }))).toBeInstanceOf(ConstraintError);
      await schema.deleteModels().raiseOnErrors();
      await schema.deleteModels().raiseOnErrors();
      await create();
      expect(await fieldOf(db.find(Department), "id")).toEqual([]);
    });

    it("createModels run again makes no second index, and a Unique text of any length refuses exactly its duplicates", async () => {
      const { db, create, collection } = context();
      const Note = model(z.object({ id: z.number().int(), body: z.string() }), { name: "Note", collection, fields: { body: Unique } });
      await create();
      await create();
      const indexes = db.sql`SELECT count(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${"Note"}`.value;
      // The primary key's and the Unique field's.
      expect(await countOf(indexes)).toBe(2);
      const long = "x".repeat(70_000);
      await db.add(Note, [{ id: 1, body: `${long}a` }, { id: 2, body: `${long}b` }, { id: 3, body: `${long}a ` }]).raiseOnErrors();
      expect(await failure(db.add(Note, { id: 4, body: `${long}b` }))).toBeInstanceOf(ConstraintError);
      expect(await fieldOf(db.find(when(Note).sort(Note.id.asc())), "id")).toEqual([1, 2, 3]);
    });

    it("upsert matches by its on field only: an update that another unique index refuses, or a row a foreign key refuses with \"none\", is a ConstraintError and nothing is written", async () => {
      const { db, create, collection } = context();
      const Team = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Team", collection });
      const Member = model(z.object({ id: z.number().int().optional(), email: z.string(), handle: z.string().nullable(), teamId: z.number().int().nullable() }), {
        name: "Member",
        collection,
        fields: { id: [Key, Auto], email: Unique, handle: Unique, teamId: ReferenceTo(Team.id) },
      });
      await create();
      await db.add(Team, { id: 1, name: "red" }).raiseOnErrors();
      await db.add(Member, [{ email: "ann@example.com", handle: "ann", teamId: 1 }, { email: "bob@example.com", handle: "bob", teamId: 1 }]).raiseOnErrors();
      const before = await db.find(when(Member).sort(Member.email.asc())).all().value;

      const taken = [{ email: "cy@example.com", handle: "cy", teamId: 1 }, { email: "bob@example.com", handle: "ann", teamId: 1 }];
      expect(await failure(db.upsert(Member, taken, { on: Member.email, update: ["handle"] }))).toBeInstanceOf(ConstraintError);
      const orphan = [{ email: "dee@example.com", handle: null, teamId: 1 }, { email: "eve@example.com", handle: null, teamId: 9 }];
      expect(await failure(db.upsert(Member, orphan, { on: Member.email, update: "none" }))).toBeInstanceOf(ConstraintError);
      expect(await db.find(when(Member).sort(Member.email.asc())).all().value).toEqual(before);

      // Matched by email, the other unique value given but not set: the stored row is updated, as on every database.
      const [bob] = await db.upsert(Member, { email: "bob@example.com", handle: "ann", teamId: null }, { on: Member.email, update: ["teamId"] }).value;
      expect(bob).toEqual({ ...before[1], teamId: null });
    });
  },
  [mysqlUnderTest, mysql8WaysUnderTest],
);
