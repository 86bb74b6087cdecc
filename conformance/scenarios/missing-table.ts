import { expect, it } from "vitest";
import { SchemaError } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { definePerson } from "../support/models.js";
import { failure } from "../support/results.js";

export const missingTable = defineScenario("missing-table", "a model whose table is missing", (context) => {
  it("fails every operation with a SchemaError", async () => {
    const { db, collection } = context();
    const Person = definePerson(collection);
    const everyone = db.find(Person);
    for (const result of [db.add(Person, { name: "Ann" }), everyone.all(), everyone.count(), everyone.update({ age: 1 }), everyone.delete()]) {
      expect(await failure(result)).toBeInstanceOf(SchemaError);
    }
  });
});
