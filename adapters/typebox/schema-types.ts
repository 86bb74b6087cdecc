import type { Static, TObject } from "typebox";

// TypeBox schemas carry no Standard Schema types, so TypeBox's own `Static` gives a model's row and
// input types. Imported by ./index.ts, so the member exists wherever `ommi` is imported.
declare module "../../src/model/schema-types.js" {
  interface SchemaTypes<S> {
    typebox: S extends TObject ? { row: Static<S>; input: Static<S> } : never;
  }
}
