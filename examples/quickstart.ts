/**
 * Quick start: a small task tracker on an in-memory SQLite database.
 * Run it with `npm run example`. Nothing to set up: the database lives in memory.
 */
import { z } from "zod";
import { Auto, Key, ModelCollection, Ommi, ReferenceTo, ValidationError, model, not, when } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

// The schemas an app already has...
const PersonSchema = z.object({
  id: z.number().int().optional(),
  name: z.string().min(1),
  email: z.email(),
});
const TaskSchema = z.object({
  id: z.number().int().optional(),
  title: z.string().min(1),
  ownerId: z.number().int(),
  priority: z.enum(["low", "normal", "high"]).default("normal"),
  estimateHours: z.number().nonnegative().nullable().default(null),
  done: z.boolean().default(false),
  due: z.date().optional(),
});

// ...become models. A collection groups the models that are created together.
const app = new ModelCollection();
const Person = model(PersonSchema, { name: "Person", collection: app, fields: { id: [Key, Auto] } });
const Task = model(TaskSchema, { name: "Task", collection: app, fields: { ownerId: ReferenceTo(Person.id) } });

const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
await db.schema(app).createModels().raiseOnErrors();

// Add: rows are validated by Zod first; generated keys come back (and are set on the inputs).
const [ada, linus] = await db.add(Person, { name: "Ada", email: "ada@example.com" }, { name: "Linus", email: "linus@example.com" }).value;
if (!ada?.id || !linus?.id) throw new Error("keys are generated on insert");
await db
  .add(Task, [
    { title: "Write the analytical engine notes", ownerId: ada.id, priority: "high", estimateHours: 6 },
    { title: "Review the difference engine", ownerId: ada.id, estimateHours: 1.5, due: new Date("2026-12-01") },
    { title: "Ship the kernel", ownerId: linus.id, priority: "high" },
    { title: "Answer the mailing list", ownerId: linus.id, priority: "low", done: true },
  ])
  .raiseOnErrors();

// Query: typed field refs and operators; `when` combines conditions.
const urgent = await db.find(when(Task.priority.eq("high"), Task.done.eq(false)).sort(Task.title.asc())).all().value;
console.log("Open high-priority tasks:", urgent.map((task) => task.title));

const unestimated = await db.find(Task.estimateHours.isNull()).count().value;
console.log("Tasks without an estimate:", unestimated);

const quick = await db.find(when(Task.estimateHours.lt(2)).or(Task.title.startsWith("Answer"))).all().value;
console.log("Quick wins:", quick.map((task) => task.title));

// A condition on a referenced model filters the first model named: Ada's tasks.
const adas = await db.find(when(Task, Person.name.eq("Ada"))).all().value;
console.log("Ada's tasks:", adas.map((task) => task.title));

// not() matches exactly what its condition does not, rows with nulls included.
console.log("Not high priority:", await db.find(not(Task.priority.eq("high"))).count().value);

// Update and delete report how many rows they touched.
const finished = await db.find(Task.title.contains("kernel")).update({ done: true }).value;
console.log("Marked done:", finished);
const removed = await db.find(Task.done.eq(true)).delete().value;
console.log("Deleted finished tasks:", removed);

// A transaction that fails leaves nothing behind.
try {
  await db.transaction(async (tx) => {
    await tx.add(Task, { title: "Half-done migration", ownerId: linus.id }).raiseOnErrors();
    throw new Error("the migration broke halfway");
  });
} catch (error) {
  console.log("Transaction rolled back:", (error as Error).message);
}
console.log("Tasks after the rollback:", await db.find(Task).count().value);

// Bad input never throws from `await`: the result says what is wrong, field by field.
const result = await db.add(Person, { name: "", email: "not an email" });
if (!result.ok && result.error instanceof ValidationError) {
  console.log("Rejected:", result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

// Stream every row in batches, however many there are.
for await (const person of db.find(when(Person).sort(Person.name.desc()))) console.log("Person:", person.name, person.email);

await db.close();
