import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { model, ModelCollection, Ommi } from "ommi";
import { requireService } from "../../support/availability.js";
import { isStandin, mongoUnavailable, mongoUrl, openMongo } from "../../support/mongodb.js";

// What only a real MongoDB does, and the stand-in (test/support/mongo-standin/) does not: its
// transactions run one at a time, and a transaction reads the committed store for a collection
// it has not written. These tests are marked "real MongoDB only" and skip on the stand-in,
// printing the reason; `OMMI_TEST_MONGO_URL=mongodb://…` (a replica set) runs them.

const skipReason = requireService("MongoDB", mongoUnavailable);
let standin = true;
beforeAll(async () => {
  if (skipReason()) return;
  standin = await isStandin(await mongoUrl());
  if (standin) console.warn("\n!!! real MongoDB only: the tests of test/drivers/mongodb/real-server.test.ts skip on the stand-in; set OMMI_TEST_MONGO_URL to run them\n");
});

const disposals: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(disposals.splice(0).map((dispose) => dispose()));
});

async function fresh() {
  const opened = await openMongo();
  disposals.push(() => opened.dispose());
  const collection = new ModelCollection();
  const Item = model(z.object({ id: z.number().int(), label: z.string() }), { name: "Item", collection });
  const db = new Ommi(opened.driver);
  await db.schema(collection).createModels().raiseOnErrors();
  return { db, Item };
}

/** A test that needs what the stand-in lacks: skipped there with `reason` in its title. */
function realMongoOnly(title: string, reason: string, body: () => Promise<void>): void {
  it(`${title} (real MongoDB only: ${reason})`, async (test) => {
    if (skipReason()) return test.skip(skipReason());
    if (standin) return test.skip(`real MongoDB only: ${reason}`);
    await body();
  });
}

describe("MongoDB transactions on a real server", () => {
  realMongoOnly("a transaction reads one snapshot: a row committed meanwhile outside it stays unseen", "the stand-in has no snapshot reads", async () => {
    const { db, Item } = await fresh();
    await db.add(Item, { id: 1, label: "before" }).raiseOnErrors();
    await db.transaction(async (tx) => {
      expect(await tx.find(Item).count().value).toBe(1);
      await db.add(Item, { id: 2, label: "meanwhile" }).raiseOnErrors();
      expect(await tx.find(Item).count().value).toBe(1);
    }, { isolation: "repeatable read" });
    expect(await db.find(Item).count().value).toBe(2);
  });

  realMongoOnly("two transactions writing different rows run at once and both commit without a retry", "the stand-in runs one transaction at a time", async () => {
    const { db, Item } = await fresh();
    let inside = 0;
    let together = false;
    const both = [1, 2].map((id) =>
      db.transaction(async (tx) => {
        await tx.add(Item, { id, label: `t${id}` }).raiseOnErrors();
        inside++;
        // Each waits, inside its transaction, until the other is inside its own as well.
        for (let waited = 0; inside < 2 && waited < 50; waited++) await new Promise((resolve) => setTimeout(resolve, 20));
        together ||= inside === 2;
      }),
    );
    await Promise.all(both);
    expect(together).toBe(true);
    expect(await db.find(Item).count().value).toBe(2);
  });
});
