// A CommonJS module of a TypeScript app (`module: nodenext`, a .cts file): it requires ommi's ES
// modules, as Node 20.19+ and 22.12+ allow. `import x = require()` is how a .cts file imports
// under `verbatimModuleSyntax` too.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module is what this file shows */
import zod = require("zod");
import ommi = require("ommi");
import sqlite = require("ommi/sqlite");

const Tag = ommi.model(zod.z.object({ id: zod.z.number().int().optional(), label: zod.z.string() }), { name: "CommonJsTag" });

async function tagCount(): Promise<number> {
  const db: ommi.Ommi = new ommi.Ommi(await sqlite.SQLiteDriver.connect({ filename: ":memory:" }));
  await db.schema().createModels().raiseOnErrors();
  await db.add(Tag, { label: "a" }, { label: "b" }).raiseOnErrors();
  const count = await db.find(Tag.label.ne("")).count().value;
  await db.close();
  return count;
}

export = { tagCount };
