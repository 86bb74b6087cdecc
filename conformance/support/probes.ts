import { z } from "zod";
import { model, ModelCollection, ValidationError, type Ommi } from "../../src/index.js";

/**
 * Whether the database stores a value exactly or refuses it. No capability declares what a
 * database can hold: Ommi's rule is only that a value is stored exactly or refused, by name, with
 * a ValidationError; never cut or changed. So the suite asks the database, on a table of its own
 * that it drops again, and then holds it to the answer in full. A refusal of any other kind fails
 * the test here.
 */
async function storesValue(db: Ommi, field: z.ZodType, value: unknown): Promise<boolean> {
  const collection = new ModelCollection();
  const Probe = model(z.object({ id: z.number().int(), value: field }), { name: "ValueProbe", collection });
  const schema = db.schema(collection);
  await schema.createModels().raiseOnErrors();
  try {
    const outcome = await db.add(Probe, { id: 1, value });
    if (outcome.ok) return true;
    if (outcome.error instanceof ValidationError) return false;
    throw outcome.error;
  } finally {
    await schema.deleteModels().raiseOnErrors();
  }
}

/** Whether the database stores text holding U+0000 (SQLite and MongoDB do; PostgreSQL's text cannot). */
export function storesTextWithNul(db: Ommi): Promise<boolean> {
  return storesValue(db, z.string(), "\u0000");
}

/**
 * Whether the database stores a date field's value for each of `dates` (MySQL's DATETIME holds
 * the years 1000 to 9999 only, so Ommi refuses dates outside them there). One refused is enough.
 */
export async function storesDates(db: Ommi, dates: readonly Date[]): Promise<boolean> {
  for (const date of dates) if (!(await storesValue(db, z.date(), date))) return false;
  return true;
}

/** Whether the database stores a float's -0 (MySQL's DOUBLE turns it into 0, so Ommi refuses it there). */
export function storesNegativeZero(db: Ommi): Promise<boolean> {
  return storesValue(db, z.number(), -0);
}
