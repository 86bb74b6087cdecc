import type { Db } from "mongodb";
import type { ModelMeta } from "../../src/kit/driver.js";

/** The collection of generated-key counters: one document per model collection, `{ _id: <collection>, next: <last key given out> }`. */
export const COUNTERS = "ommi_counters";

interface Counter {
  _id: string;
  next: number;
}

/**
 * Generated integer keys, as a SQL sequence gives them: a batch takes a range with one atomic
 * `$inc` (upserted on first use), and a key a row brings itself raises the counter to at least
 * it (`$max`), so later generated keys never collide with it. Like a sequence, counters live
 * outside transactions: a rolled-back transaction leaves a gap, and concurrent transactions never
 * conflict over a counter.
 */
export class Counters {
  /** `database.db`: the driver's database, observed while something observes it (see observe.ts). */
  constructor(private readonly database: { readonly db: Db }) {}

  private get db(): Db {
    return this.database.db;
  }

  /** Takes `count` new keys for `model`: the first of them (the rest follow it by one each). */
  async take(model: ModelMeta, count: number, timeoutMS: number | undefined): Promise<number> {
    const counter = await this.db
      .collection<Counter>(COUNTERS)
      .findOneAndUpdate({ _id: model.name }, { $inc: { next: count } }, { upsert: true, returnDocument: "after", ...(timeoutMS ? { maxTimeMS: timeoutMS } : {}) });
    const last = Number(counter?.next);
    if (!Number.isSafeInteger(last)) throw new Error(`the key counter of ${model.name} in ${COUNTERS} holds no whole number`);
    return last - count + 1;
  }

  /** Raises `model`'s counter to at least `key`, a key given by a row. */
  async raise(model: ModelMeta, key: number, timeoutMS: number | undefined): Promise<void> {
    await this.db.collection<Counter>(COUNTERS).updateOne({ _id: model.name }, { $max: { next: key } }, { upsert: true, ...(timeoutMS ? { maxTimeMS: timeoutMS } : {}) });
  }

  /** Forgets `model`'s counter (its collection was dropped). */
  async drop(model: ModelMeta): Promise<void> {
    await this.db.collection<Counter>(COUNTERS).deleteOne({ _id: model.name });
  }
}
