import type { Static } from "typebox";

// TypeBox schemas carry no Standard Schema types, so TypeBox's own `Static` gives a model's row and
// input types. Imported by ./index.ts, and by ../index.ts so that the built package's declarations
// keep it: the member exists wherever `ommi` is imported.
//
// The schema is recognised by the `~kind` in its type rather than by `extends TObject`: when TypeBox
// is not installed (it is an optional peer), its types resolve to `any`, and `S extends any` would
// give every schema of every library TypeBox's row type.
declare module "../../src/kit/adapter.js" {
  interface SchemaTypes<S> {
    typebox: S extends { readonly "~kind": "Object" } ? { row: Static<S>; input: Static<S> } : never;
  }
}
