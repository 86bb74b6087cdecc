// Valibot on SQLite, through Standard Schema's types.
import * as v from "valibot";
import { Ommi, model, type RowOf } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

const Note = model(v.object({ id: v.optional(v.pipe(v.number(), v.integer())), text: v.string(), stars: v.number() }), { name: "ValibotNote" });

const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
await db.schema().createModels().raiseOnErrors();
await db.add(Note, { text: "hello", stars: 5 }).raiseOnErrors();
const texts: string[] = (await db.find(Note.stars.gte(3)).all().value).map((note) => note.text);
const notAny: 0 extends 1 & RowOf<typeof Note> ? false : true = true;
// @ts-expect-error stars is a number
Note.stars.gte("3");
await db.close();

export { notAny, texts };
