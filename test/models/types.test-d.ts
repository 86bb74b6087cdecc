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

/** The same rows as stored: each has its key, which the database (or Ommi) filled in. */
type StoredRows = { Item: Omit<Item, "rating" | "id"> & { rating: number | null; id: number }; Seat: Seat; Token: Omit<Token, "id"> & { id: string }; Member: Omit<Member, "code"> & { code: number } };

// `.branded` compares property by property, so that an intersection equals the object type it describes.
test("Zod, Valibot and TypeBox models read and take the types their schemas describe", () => {
  expectTypeOf<Rows<typeof zodFixture>>().branded.toEqualTypeOf<StoredRows>();
  expectTypeOf<Rows<typeof valibotFixture>>().branded.toEqualTypeOf<StoredRows>();
  expectTypeOf<Rows<typeof typeboxFixture>>().branded.toEqualTypeOf<StoredRows>();
  // No defaults or transforms in these schemas: what is added is what is read.
  expectTypeOf<Inputs<typeof zodFixture>>().branded.toEqualTypeOf<SchemaRows>();
  expectTypeOf<Inputs<typeof valibotFixture>>().branded.toEqualTypeOf<SchemaRows>();
  expectTypeOf<Inputs<typeof typeboxFixture>>().branded.toEqualTypeOf<SchemaRows>();
});

test("class-validator models read instances of their classes, which hold the shared fields", () => {
  // Decorators are invisible to types: a field named `id` is taken as the key (Item, Token), and
  // a key marked only by decorators elsewhere (Member's @Key() @Auto() code) stays as declared.
  expectTypeOf<Rows<typeof classValidatorFixture>>().toEqualTypeOf<{
    Item: classes.Item & { id: number };
    Seat: classes.Seat;
    Token: classes.Token & { id: string };
    Member: classes.Member;
  }>();
  // No nullable fields in class-validator: the field is optional.
  expectTypeOf<classes.Item>().branded.toEqualTypeOf<Omit<Item, "rating"> & { rating?: number }>();
  expectTypeOf<Inputs<typeof classValidatorFixture>["Seat"]>().branded.toEqualTypeOf<Seat>();
});
