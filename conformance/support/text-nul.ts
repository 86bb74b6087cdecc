import { z } from "zod";
import { model, ModelCollection, ValidationError, type Ommi } from "../../src/index.js";

/**
 * Whether the database stores text holding U+0000 (SQLite and MongoDB do; PostgreSQL's text
 * cannot). No capability declares it: Ommi's rule is only that such text is stored exactly or
 * refused, by name, with a ValidationError; never cut or changed. So the suite asks the database,
 * on a table of its own that it drops again, and then holds it to the answer in full: exact
 * storage and comparison where it stored the probe, refusals everywhere where it did not. A
 * refusal of any other kind fails the test here.
 */
export async function storesTextWithNul(db: Ommi): Promise<boolean> {
  const collection = new ModelCollection();
  const Probe = model(z.object({ id: z.number().int(), text: z.string() }), { name: "NulProbe", collection });
  const schema = db.schema(collection);
  await schema.createModels().raiseOnErrors();
  try {
    const outcome = await db.add(Probe, { id: 1, text: "\u0000" });
    if (outcome.ok) return true;
    if (outcome.error instanceof ValidationError) return false;
    throw outcome.error;
  } finally {
    await schema.deleteModels().raiseOnErrors();
  }
}
