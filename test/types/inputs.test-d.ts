import { test } from "vitest";
import { z } from "zod";
import { ModelCollection, model, type Ommi } from "ommi";

declare const db: Ommi;

const Member = model(
  z.object({ id: z.number().int().optional(), name: z.string(), age: z.number().int(), joined: z.date().nullable() }),
  { name: "Member", collection: new ModelCollection() },
);

test("add() takes the schema's input, one value, several, or arrays of them", () => {
  void db.add(Member, { name: "a", age: 1, joined: null });
  void db.add(Member, { name: "a", age: 1, joined: new Date() }, { id: 7, name: "b", age: 2, joined: null });
  void db.add(Member, [{ name: "a", age: 1, joined: null }]);
});

test("add() rejects wrong value types, missing fields and unknown fields", () => {
  // @ts-expect-error age must be a number
  void db.add(Member, { name: "a", age: "1", joined: null });
  // @ts-expect-error joined must be a Date or null
  void db.add(Member, { name: "a", age: 1, joined: "2024-01-01" });
  // @ts-expect-error name is required
  void db.add(Member, { age: 1, joined: null });
  // @ts-expect-error nickname is not a field
  void db.add(Member, { name: "a", age: 1, joined: null, nickname: "x" });
  // @ts-expect-error the second value has a wrong type
  void db.add(Member, [{ name: "a", age: 1, joined: null }, { name: "b", age: true, joined: null }]);
});

test("update() takes some of the fields, each with its own type", () => {
  void db.find(Member).update({ age: 2 });
  void db.find(Member).update({ name: "b", joined: null });
});

test("update() rejects unknown fields and wrong value types", () => {
  // @ts-expect-error nickname is not a field
  void db.find(Member).update({ nickname: "x" });
  // @ts-expect-error age must be a number
  void db.find(Member).update({ age: "2" });
  // @ts-expect-error name cannot be null
  void db.find(Member).update({ name: null });
});
