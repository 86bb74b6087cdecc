import { z } from "zod";
import { model, ModelCollection, Ommi, type Driver, type ObserveOptions, type StatementEvent } from "ommi";

export const collection = new ModelCollection();
export const Person = model(z.object({ id: z.number().int().optional(), name: z.string(), age: z.number().int() }), { name: "Person", collection });

/** The events of each step of a small workload, run on `driver` with a logger that keeps them (and `options`). */
export interface Steps {
  schema: StatementEvent[];
  add: StatementEvent[];
  find: StatementEvent[];
  count: StatementEvent[];
  update: StatementEvent[];
  delete: StatementEvent[];
}

export async function runWorkload(driver: Driver, options: ObserveOptions = {}): Promise<Steps> {
  let events: StatementEvent[] = [];
  const db = new Ommi(driver, { params: "show", tracing: false, ...options, logger: (event) => events.push(event) });
  const step = async (work: () => Promise<unknown>): Promise<StatementEvent[]> => {
    events = [];
    await work();
    return events;
  };
  return {
    schema: await step(() => db.schema(collection).createModels().raiseOnErrors()),
    add: await step(() => db.add(Person, [{ name: "Ada", age: 36 }, { name: "Bob", age: 12 }]).raiseOnErrors()),
    find: await step(() => db.find(Person.age.gte(18)).all().raiseOnErrors()),
    count: await step(() => db.find(Person.age.gte(18)).count().raiseOnErrors()),
    update: await step(() => db.find(Person.name.eq("Bob")).update({ age: 13 }).raiseOnErrors()),
    delete: await step(() => db.find(Person.age.lt(18)).delete().raiseOnErrors()),
  };
}

/** The one event of `events` whose operation is `operation` on Person. */
export function only(events: readonly StatementEvent[], operation: string): StatementEvent {
  const found = events.filter((event) => event.operation === operation && event.model === "Person");
  if (found.length !== 1) throw new Error(`expected one ${operation} on Person, got: ${events.map((event) => `${event.operation} ${event.model}`).join("; ")}`);
  return found[0] as StatementEvent;
}
