import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { model } from "../../src/index.js";
import { addThroughOmmi, isolated } from "./helpers.js";

describe("Standard Schema objects", () => {
  it.each([
    ["a Zod loose object", z.looseObject({ id: z.string() })],
    ["a Valibot loose object", v.looseObject({ id: v.string() })],
  ])("%s: only declared fields reach the driver and come back from add", async (_kind, schema) => {
    const { result, stored } = await addThroughOmmi(model(schema, isolated("Loose")), { id: "a", extra: 1 });
    expect(stored).toEqual([{ id: "a" }]);
    expect(result.ok && result.value).toEqual([{ id: "a" }]);
  });
});
