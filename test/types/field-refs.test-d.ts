import { expectTypeOf, test } from "vitest";
import { z } from "zod";
import { ModelCollection, model, type Condition, type Sort } from "ommi";

const schema = z.object({ id: z.number().int(), name: z.string(), nickname: z.string().nullable(), age: z.number().int(), born: z.date(), big: z.bigint() });
type Row = z.output<typeof schema>;
const Person = model(schema, { name: "Person", collection: new ModelCollection() });

test("field refs take values of their field's type and build conditions on the model's rows", () => {
  expectTypeOf(Person.age.gte(18)).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Person.name.in(["a", "b"])).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Person.born.lt(new Date())).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Person.big.gt(1n)).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Person.nickname.eq(null)).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Person.nickname.startsWith("a")).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Person.age.desc()).toEqualTypeOf<Sort<Row>>();
});

test("a value of the wrong type does not compile", () => {
  // @ts-expect-error age is a number
  void Person.age.eq("18");
  // @ts-expect-error name is a string
  void Person.name.gt(3);
  // @ts-expect-error born is a Date
  void Person.born.lte("2024-01-01");
  // @ts-expect-error in() takes a list of the field's values
  void Person.age.in(["1"]);
  // @ts-expect-error a null cannot be ordered
  void Person.age.gt(null);
});

test("text operators exist on string fields only", () => {
  for (const operator of ["contains", "startsWith", "endsWith", "like", "ilike", "regex"] as const) {
    expectTypeOf(Person.name).toHaveProperty(operator);
    expectTypeOf(Person.age).not.toHaveProperty(operator);
    expectTypeOf(Person.born).not.toHaveProperty(operator);
    expectTypeOf(Person.big).not.toHaveProperty(operator);
  }
});
