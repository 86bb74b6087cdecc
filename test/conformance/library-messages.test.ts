import * as v from "valibot";
import { expect, it } from "vitest";
import { model, ValidationError } from "ommi";
import { forEachDriver } from "../support/conformance.js";
import { failure } from "../support/results.js";

/**
 * The conformance scenario "messages about huge inputs" without its schema library: the suite
 * asks a driver's author to install no library but Zod, and this message is Valibot's.
 */
forEachDriver("messages about huge inputs", (context) => {
  const huge = "a".repeat(1_000_000);

  it("keep a schema library's message short when it repeats the input", async () => {
    const { db, create, collection } = context();
    // Valibot's picklist message says "but received <the whole value>".
    const Choice = model(v.object({ id: v.number(), pick: v.picklist(["a", "b"]) }), { name: "Choice", collection });
    await create();
    const error = await failure(db.add(Choice, { id: 1, pick: huge as "a" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message.length).toBeLessThan(1000);
    expect(await db.find(Choice).count().value).toBe(0);
  });
});
