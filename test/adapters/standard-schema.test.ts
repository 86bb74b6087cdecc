import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { model, ValidationError } from "../../src/index.js";
import { addThroughOmmi, isolated } from "./helpers.js";

describe("Standard Schema objects", () => {
  it.each([
    ["a Zod loose object", z.looseObject({ id: z.string() })],
    ["a Zod object with a catchall", z.object({ id: z.string() }).catchall(z.number())],
    ["a Valibot loose object", v.looseObject({ id: v.string() })],
  ])("%s: a key it keeps that is not a field is refused, naming the key, never dropped", async (_kind, schema) => {
    const Loose = model(schema, isolated("Loose"));
    const { result, stored } = await addThroughOmmi(Loose, { id: "a", extra: 1 });
    expect(stored).toEqual([]);
    expect(result.ok || result.error).toBeInstanceOf(ValidationError);
    expect(result.ok || (result.error as ValidationError).issues).toEqual([
      { path: ["extra"], message: expect.stringMatching(/^not a field of this model, so there is no column to store it in; .*strictObject/) as unknown },
    ]);
  });

  it.each([
    ["a Zod loose object", z.looseObject({ id: z.string(), note: z.string().optional() })],
    ["a Valibot loose object", v.looseObject({ id: v.string(), note: v.optional(v.string()) })],
  ])("%s: only declared fields reach the driver when nothing else holds a value", async (_kind, schema) => {
    const { result, stored } = await addThroughOmmi(model(schema, isolated("Loose")), { id: "a", extra: undefined });
    expect(stored).toEqual([{ id: "a" }]);
    expect(result.ok && result.value).toEqual([{ id: "a" }]);
  });

  it.each([
    ["z.object drops it", z.object({ id: z.string() }), { ok: true }],
    ["v.object drops it", v.object({ id: v.string() }), { ok: true }],
    ["z.strictObject refuses it", z.strictObject({ id: z.string() }), { ok: false }],
    ["v.strictObject refuses it", v.strictObject({ id: v.string() }), { ok: false }],
  ])("a key that is not a field: %s, as the library decides", async (_kind, schema, expected) => {
    const { result, stored } = await addThroughOmmi(model(schema, isolated("Thing")), { id: "a", extra: 1 } as { id: string });
    expect(result).toMatchObject(expected);
    expect(stored).toEqual(expected.ok ? [{ id: "a" }] : []);
  });

  it("names at most ten unknown keys, and counts the rest", async () => {
    const input = { id: "a", ...Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`k${index}`, index])) };
    const { result } = await addThroughOmmi(model(z.looseObject({ id: z.string() }), isolated("Loose")), input);
    const issues = result.ok ? [] : (result.error as ValidationError).issues;
    expect(issues.map((issue) => issue.path.join("."))).toEqual([...Array.from({ length: 10 }, (_, index) => `k${index}`), ""]);
    expect(issues.at(-1)?.message).toBe("15 more keys that are not fields of this model");
  });
});
