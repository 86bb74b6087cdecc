import { describe, expect, it } from "vitest";
import { z } from "zod";
import { model, ModelError } from "../../src/index.js";
import { addThroughOmmi, fieldsOf, isolated, validate } from "./helpers.js";

const flagsOf = (handle: Parameters<typeof fieldsOf>[0]) =>
  Object.fromEntries(Object.entries(fieldsOf(handle)).map(([name, { optional, nullable }]) => [name, { optional, nullable }]));

describe("zod: defaults and catch values", () => {
  it("reads what a default puts in, unchecked, as a value the field holds: .nullish().default(null) is nullable", async () => {
    const Defaults = model(
      z.object({
        id: z.string(),
        nullishNull: z.string().nullish().default(null),
        nullableNull: z.string().nullable().default(null),
        optionalText: z.string().optional().default("x"),
        optionalUndefined: z.string().optional().default(undefined as never),
        plainNull: z.string().default(null as never),
        prefaulted: z.string().prefault("x"),
        caughtNull: z.string().catch(null as never),
        nullableCaught: z.string().nullable().catch(null),
        caughtText: z.string().catch("x"),
      }),
      isolated("Defaults"),
    );
    expect(flagsOf(Defaults)).toEqual({
      id: { optional: false, nullable: false },
      nullishNull: { optional: false, nullable: true },
      nullableNull: { optional: false, nullable: true },
      optionalText: { optional: false, nullable: false },
      optionalUndefined: { optional: true, nullable: false },
      plainNull: { optional: false, nullable: true },
      prefaulted: { optional: false, nullable: false },
      caughtNull: { optional: false, nullable: true },
      nullableCaught: { optional: false, nullable: true },
      caughtText: { optional: false, nullable: false },
    });
    // What Zod gives for a row that leaves them out (or, for the catches, gets them wrong), which the flags above must admit.
    expect(await validate(Defaults, { id: "a", caughtNull: 1, nullableCaught: 1, caughtText: 1 })).toEqual({
      ok: true,
      value: { id: "a", nullishNull: null, nullableNull: null, optionalText: "x", optionalUndefined: undefined, plainNull: null, prefaulted: "x", caughtNull: null, nullableCaught: null, caughtText: "x" },
    });
  });

  it("hands the driver the null a default gave", async () => {
    const Note = model(z.object({ id: z.string(), text: z.string().nullish().default(null) }), isolated("Note"));
    expect((await addThroughOmmi(Note, { id: "a" })).stored).toEqual([{ id: "a", text: null }]);
  });

  it("reads a default function once, as z.toJSONSchema does; a catch function that needs Zod's context may give anything", () => {
    let calls = 0;
    const Called = model(
      z.object({
        id: z.string(),
        counted: z.string().optional().default(() => {
          calls++;
          return "x";
        }),
        fromInput: z.string().catch((context) => String(context.input)),
      }),
      isolated("Called"),
    );
    expect(calls).toBe(1);
    expect(flagsOf(Called).counted).toEqual({ optional: false, nullable: false });
    expect(flagsOf(Called).fromInput).toEqual({ optional: true, nullable: true });
  });

  it.each([
    ["a default of another type", z.number().int().default(1.5), /^Thing\.field: its default 1\.5 is not an integer like its other values, and a column holds one type/],
    ["a default outside an enum", z.enum(["s", "m"]).default("xl" as "s"), /^Thing\.field: its default "xl" is not one of its allowed values \("s", "m"\)/],
    ["a catch value of another type", z.string().catch(5 as unknown as string), /^Thing\.field: its catch value 5 is not a string/],
  ])("refuses %s with a ModelError naming the field: it would be stored as something else", (_feature, field, message) => {
    expect(() => model(z.object({ id: z.string(), field }), isolated("Thing"))).toThrow(ModelError);
    expect(() => model(z.object({ id: z.string(), field }), isolated("Thing"))).toThrow(message);
  });
});

describe("zod: the whole object", () => {
  it("refuses .overwrite() on the object, whose output could leave a field out (it was dropped in silence)", () => {
    const schema = z.object({ id: z.string(), note: z.string().optional() }).overwrite((row) => ({ id: row.id }));
    expect(() => model(schema, isolated("Thing"))).toThrow(ModelError);
    expect(() => model(schema, isolated("Thing"))).toThrow(/^Thing: \.overwrite\(\) on the object changes the whole object/);
  });

  it("takes a refinement of the object, and stores every field", async () => {
    const Refined = model(z.object({ id: z.string(), note: z.string().optional() }).refine((row) => row.id !== ""), isolated("Refined"));
    expect((await addThroughOmmi(Refined, { id: "a", note: "kept" })).stored).toEqual([{ id: "a", note: "kept" }]);
  });
});
