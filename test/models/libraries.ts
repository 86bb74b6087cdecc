import type { ModelCollection, Ommi } from "ommi";
import { forEachDriver } from "../support/conformance.js";
import { classValidatorFixture } from "./fixtures/class-validator.js";
import { typeboxFixture } from "./fixtures/typebox.js";
import { valibotFixture } from "./fixtures/valibot.js";
import { zodFixture } from "./fixtures/zod.js";
import type { SharedModels } from "./shared-models.js";

/** One schema library, as the model suite sees it: the shared models built from its schemas. */
export interface LibraryFixture {
  readonly library: string;
  /** Builds the models of shared-models.ts from this library's schemas, in `collection`. */
  readonly define: (collection: ModelCollection) => SharedModels;
  /** The library's own message for an empty `name` (Item and Member require at least one character). */
  readonly emptyNameMessage: string;
  /** What a null in `Item.rating` reads back as: null, or absent where the library has no nullable fields. */
  readonly nullReadsBackAs: null | undefined;
}

/** Every library the model suite runs for. A new library is one entry here. */
export const libraries: readonly LibraryFixture[] = [zodFixture, valibotFixture, typeboxFixture, classValidatorFixture];

/** A test's database, with the library's shared models created in it. */
export type Opened = SharedModels & { readonly db: Ommi };

/**
 * Runs `suite` for every library on every driver. `open()` gives a test its fresh database with
 * the library's models created.
 */
export function forEachLibrary(title: string, suite: (open: () => Promise<Opened>, fixture: LibraryFixture) => void): void {
  for (const fixture of libraries) {
    forEachDriver(`${title} (${fixture.library})`, (context) => {
      suite(async () => {
        const { db, collection, create } = context();
        const models = fixture.define(collection);
        await create();
        return { db, ...models };
      }, fixture);
    });
  }
}
