import { expect, it, vi } from "vitest";

// Records which schema libraries get loaded, without changing them.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock("typebox/compile", async (original) => (loaded.add("typebox/compile"), await original()));
vi.mock("typebox/value", async (original) => (loaded.add("typebox/value"), await original()));
vi.mock("class-validator", async (original) => (loaded.add("class-validator"), await original()));
vi.mock("valibot", async (original) => (loaded.add("valibot"), await original()));
vi.mock("zod", async (original) => (loaded.add("zod"), await original()));

it("loads no schema library when ommi is imported, and TypeBox's compiler on the first validation", async () => {
  const { metaOf, model, ModelCollection } = await import("../../src/index.js");
  expect([...loaded]).toEqual([]);

  // TypeBox's builders (the package root) are the user's import; its compiler is Ommi's to load.
  const { Type } = await import("typebox");
  const Note = model(Type.Object({ id: Type.String() }), { name: "Note", collection: new ModelCollection() });
  expect([...loaded]).toEqual([]);

  const first = metaOf(Note).schema.validate({ id: "a" });
  expect(first).toBeInstanceOf(Promise);
  expect(await first).toEqual({ ok: true, value: { id: "a" } });
  expect([...loaded]).toEqual(["typebox/compile"]);
  // Once loaded and compiled, validation is synchronous.
  expect(metaOf(Note).schema.validate({ id: "b" })).toEqual({ ok: true, value: { id: "b" } });
});
