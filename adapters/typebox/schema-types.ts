// TypeBox schemas carry no Standard Schema types, so TypeBox's own `Static` gives a model's row and
// input types. Imported by ./index.ts, and by src/index.ts so that the built package's declarations
// keep it: the member exists wherever `ommi` is imported.
//
// The schema is recognised by the `~kind` in its type rather than by `extends TObject`: TypeBox is
// an optional peer, and an app without it has no TypeBox schemas (and no TObject to name).
declare module "../../src/kit/adapter.js" {
  interface SchemaTypes<S> {
    typebox: S extends { readonly "~kind": "Object" } ? { row: TypeBoxStatic<S>; input: TypeBoxStatic<S> } : never;
  }
}

// The one place that names TypeBox, and only as a type. In an app without TypeBox, `typebox` cannot
// be resolved: the directive below lets that go, the type is then `any`, and the member above never
// applies. The published .d.ts keeps the directive because it is a doc comment, and keeps it on the
// line above the type because the type is one line: an `import type` statement loses its comments.
/* eslint-disable @typescript-eslint/ban-ts-comment, @typescript-eslint/consistent-type-imports -- see above */
/** @ts-ignore TypeBox is an optional peer: where it is not installed this type is unused. */
type TypeBoxStatic<S extends object> = import("typebox").Static<S>;
