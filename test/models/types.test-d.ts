import { expectTypeOf, test } from "vitest";
import type { InputOf, RowOf } from "ommi";
import type * as classes from "./fixtures/class-validator.js";
import type { classValidatorFixture } from "./fixtures/class-validator.js";
import type { typeboxFixture } from "./fixtures/typebox.js";
import type { valibotFixture } from "./fixtures/valibot.js";
import type { zodFixture } from "./fixtures/zod.js";
import type { LibraryFixture } from "./libraries.js";
import type { Item, Member, Seat, Token } from "./shared-models.js";

// Fixtures are declared `satisfies LibraryFixture`, so they keep the exact types their library infers.
type Models<F extends LibraryFixture> = ReturnType<F["define"]>;
type Rows<F extends LibraryFixture> = { [K in keyof Models<F>]: RowOf<Models<F>[K]> };
type Inputs<F extends LibraryFixture> = { [K in keyof Models<F>]: InputOf<Models<F>[K]> };

/** What the schema libraries infer: the shared rows, with the nullable field always present. */
type SchemaRows = { Item: Omit<Item, "rating"> & { rating: number | null }; Seat: Seat; Token: Token; Member: Member };

// `.branded` compares property by property, so that an intersection equals the object type it describes.
test("Zod, Valibot and TypeBox models read and take the types their schemas describe", () => {
  expectTypeOf<Rows<typeof zodFixture>>().branded.toEqualTypeOf<SchemaRows>();
  expectTypeOf<Rows<typeof valibotFixture>>().branded.toEqualTypeOf<SchemaRows>();
  expectTypeOf<Rows<typeof typeboxFixture>>().branded.toEqualTypeOf<SchemaRows>();
  // No defaults or transforms in these schemas: what is added is what is read.
  expectTypeOf<Inputs<typeof zodFixture>>().branded.toEqualTypeOf<SchemaRows>();
  expectTypeOf<Inputs<typeof valibotFixture>>().branded.toEqualTypeOf<SchemaRows>();
  expectTypeOf<Inputs<typeof typeboxFixture>>().branded.toEqualTypeOf<SchemaRows>();
});

test("class-validator models read instances of their classes, which hold the shared fields", () => {
  expectTypeOf<Rows<typeof classValidatorFixture>>().toEqualTypeOf<{ Item: classes.Item; Seat: classes.Seat; Token: classes.Token; Member: classes.Member }>();
  // No nullable fields in class-validator: the field is optional.
  expectTypeOf<classes.Item>().branded.toEqualTypeOf<Omit<Item, "rating"> & { rating?: number }>();
  expectTypeOf<Inputs<typeof classValidatorFixture>["Seat"]>().branded.toEqualTypeOf<Seat>();
});
