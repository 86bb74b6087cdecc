import { expect, it } from "vitest";
import { z } from "zod";
import { model, ValidationError } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { failure, fieldOf } from "../support/results.js";

export const validation = defineScenario("validation", "input that fails its schema", (context) => {
  async function setup() {
    const { db, create, collection } = context();
    const Member = model(
      z.object({ id: z.number().int(), email: z.email(), age: z.number().int().min(0) }),
      { name: "Member", collection },
    );
    await create();
    return { db, Member };
  }

  it("is a ValidationError listing each field and its problem, and nothing is written", async () => {
    const { db, Member } = await setup();
    const error = await failure(db.add(Member, { id: 1, email: "not an email", age: -1 }));
    expect(error).toBeInstanceOf(ValidationError);
    const { issues, model: modelName } = error as ValidationError;
    expect(modelName).toBe("Member");
    expect(issues.map((issue) => issue.path)).toEqual([["email"], ["age"]]);
    expect(issues.every((issue) => issue.message.length > 0)).toBe(true);
    expect(error.message).toMatch(/email/);
    expect(error.message).toMatch(/age/);
    expect(await db.find(Member).count().value).toBe(0);
  });

  it("in one add of several rows, names the failing row and writes none of the valid ones", async () => {
    const { db, Member } = await setup();
    const error = await failure(db.add(Member, [
      { id: 1, email: "a@example.com", age: 1 },
      { id: 2, email: "b@example.com", age: 1.5 },
      { id: 3, email: "c@example.com", age: 3 },
    ]));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).index).toBe(1);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([["age"]]);
    expect(await db.find(Member).count().value).toBe(0);
  });

  it("in an update patch, is a ValidationError and nothing changes", async () => {
    const { db, Member } = await setup();
    await db.add(Member, { id: 1, email: "a@example.com", age: 1 }).raiseOnErrors();
    const error = await failure(db.find(Member).update({ email: "nope", age: 2 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([["email"]]);
    expect(await fieldOf(db.find(Member), "age")).toEqual([1]);
  });
});
