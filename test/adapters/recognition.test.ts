import { IsString } from "class-validator";
import { Type } from "typebox";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { metaOf, model, ModelCollection } from "../../src/index.js";

class Tag {
  @IsString() id!: string;
}

describe("which adapter reads a schema", () => {
  it.each([
    ["zod", z.object({ id: z.string() })],
    ["valibot", v.object({ id: v.string() })],
    ["typebox", Type.Object({ id: Type.String() })],
    ["class-validator", Tag],
  ])("gives a %s schema to the %s adapter", (library, schema) => {
    expect(metaOf(model(schema, { name: "Tag", collection: new ModelCollection() })).library).toBe(library);
  });

  it("takes a plain JSON Schema for none of them: TypeBox schemas are known by TypeBox's own ~kind", () => {
    const jsonSchema = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };
    expect(() => model(jsonSchema, { name: "Plain", collection: new ModelCollection() })).toThrow(/does not recognise this schema/);
  });
});
