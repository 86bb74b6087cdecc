import { availableParallelism, tmpdir } from "node:os";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type AppSpec } from "./support/apps.js";
import { packPackage, run, runTsc } from "./support/package.js";

// Ommi as a user gets it: built, packed by npm, installed in small strict apps (TypeScript's
// default skipLibCheck: false, so ommi's own .d.ts are checked) with only the packages each app
// chose. An optional peer, a @types package or a lib the app did not choose must not be needed.

/**
 * No DOM, no @types/node, no esnext.disposable: the barest lib an app can have. (Zod's and
 * Valibot's own types need DOM or @types/node for URL and Blob, so their apps have TypeScript's
 * default lib, DOM included, as a new app does.)
 */
const BARE = { lib: ["es2022"] };
const DECORATORS = { experimentalDecorators: true, emitDecoratorMetadata: true };
const CLASS_VALIDATOR = ["class-validator", "class-transformer", "reflect-metadata"];

/** Every optional peer and @types/node, every fixture, emitted to JavaScript (run below). */
const everything: AppSpec = {
  name: "everything",
  sources: ["zod-sqlite", "typebox", "valibot", "class-validator", "postgres", "mysql", "mongodb", "dispose", "commonjs"],
  packages: ["zod", "typebox", "valibot", ...CLASS_VALIDATOR, "better-sqlite3", "postgres", "mysql2", "mongodb", "@types/node"],
  compilerOptions: { lib: ["es2022", "esnext.disposable"], ...DECORATORS, noEmit: false },
};

// Each optional peer is absent from most apps and present in one of its own and in "everything";
// @types/node likewise. TypeBox's own types take long to check, so only "everything" has them.
const apps: readonly AppSpec[] = [
  // The app: only ommi, zod and better-sqlite3; TypeScript's default lib. Also a .cts module.
  { name: "zod-sqlite", sources: ["zod-sqlite", "commonjs"], packages: ["zod", "better-sqlite3"] },
  { name: "valibot-sqlite", sources: ["valibot"], packages: ["valibot", "better-sqlite3"] },
  { name: "class-validator-sqlite", sources: ["class-validator"], packages: [...CLASS_VALIDATOR, "better-sqlite3"], compilerOptions: { ...BARE, ...DECORATORS } },
  { name: "zod-postgres", sources: ["postgres"], packages: ["zod", "postgres"] },
  // mysql2's own types need @types/node; Ommi's declarations name none of them, so this app has neither.
  { name: "zod-mysql", sources: ["mysql"], packages: ["zod", "mysql2"] },
  // The official client's own types need @types/node (its README says so), so a MongoDB app has it.
  { name: "zod-mongodb", sources: ["mongodb"], packages: ["zod", "mongodb", "@types/node"] },
  // `await using` with TypeScript's disposable lib and no @types/node; compiled and run below.
  { name: "dispose", sources: ["dispose"], packages: ["zod", "better-sqlite3"], compilerOptions: { lib: ["es2022", "esnext.disposable", "dom"], noEmit: false } },
  everything,
];

/** Generous: on two busy cores (the whole suite at once) the build and the compilers take minutes. */
const TIMEOUT = 300_000;

let workDir: string;
let tarball: string;
const appDirs = new Map<string, string>();
const appDir = (name: string) => appDirs.get(name) ?? expect.unreachable(`app ${name} was not created`);

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ommi-pack-"));
  tarball = await packPackage(workDir);
  for (const spec of apps) appDirs.set(spec.name, await createApp(workDir, tarball, spec));
}, TIMEOUT);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Compilers at once: each is one busy core. */
const parallel = limit(Math.max(1, Math.min(3, availableParallelism())));
const compilations = new Map<string, Promise<string>>();
/** Type-checks the app (and emits it, where its options say so) once, however many tests ask. */
function compile(name: string): Promise<string> {
  const app = appDir(name);
  let compiling = compilations.get(name);
  if (!compiling) compilations.set(name, (compiling = parallel(() => runTsc(["-p", app, "--pretty", "false"], app))));
  return compiling;
}

describe("the packed package's types compile in strict apps", () => {
  it.concurrent.each(apps)("$name", async ({ name }) => {
    await compile(name);
  }, TIMEOUT);
});

describe("the packed package at run time", () => {
  it.concurrent("every entry loads with require() as with import(), so no module has a top-level await", async ({ expect }) => {
    // "everything" has every optional peer; ommi/conformance also needs vitest (which it imports),
    // whose own types the compiled apps do not check: it is added to an app of its own.
    const app = await createApp(workDir, tarball, { name: "require-all", sources: [], packages: [...everything.packages, "vitest"] });
    const { exports } = JSON.parse(await readFile(join(app, "node_modules", "ommi", "package.json"), "utf8")) as { exports: Record<string, unknown> };
    const entries = Object.keys(exports).map((key) => key.replace(/^\./, "ommi"));
    expect(entries).toEqual(["ommi", "ommi/sqlite", "ommi/postgres", "ommi/mysql", "ommi/mongodb", "ommi/driver", "ommi/adapter", "ommi/conformance"]);
    // A CommonJS script: each entry's export names, by require() and by import().
    const script = `
      const entries = ${JSON.stringify(entries)};
      const names = (module) => Object.keys(module).filter((key) => key !== "default" && key !== "module.exports").sort().join();
      (async () => {
        const loaded = {};
        for (const entry of entries) {
          const required = names(require(entry));
          loaded[entry] = required !== "" && required === names(await import(entry));
        }
        console.log(JSON.stringify(loaded));
      })();`;
    const loaded = JSON.parse(await run(process.execPath, ["-e", script], app)) as Record<string, boolean>;
    expect(loaded).toEqual(Object.fromEntries(entries.map((entry) => [entry, true])));
  }, TIMEOUT);

  it.concurrent("a CommonJS file requires ommi/sqlite, opens :memory: and adds a row", async ({ expect }) => {
    const app = appDir("zod-sqlite");
    await writeFile(join(app, "add-row.cjs"), `
      const { z } = require("zod");
      const { Ommi, model } = require("ommi");
      const { SQLiteDriver } = require("ommi/sqlite");
      const Note = model(z.object({ id: z.number().int().optional(), text: z.string() }), { name: "Note" });
      (async () => {
        const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
        await db.schema().createModels().raiseOnErrors();
        const [note] = await db.add(Note, { text: "from require" }).value;
        const rows = await db.find(Note.text.eq("from require")).all().value;
        await db.close();
        console.log(JSON.stringify({ note, rows }));
      })();`);
    const output = JSON.parse(await run(process.execPath, ["add-row.cjs"], app)) as unknown;
    expect(output).toEqual({ note: { id: 1, text: "from require" }, rows: [{ id: 1, text: "from require" }] });
  }, TIMEOUT);

  it.concurrent("a TypeScript CommonJS module (.cts, module nodenext) compiled by tsc runs", async ({ expect }) => {
    const app = appDir("everything");
    await compile("everything");
    const output = await run(process.execPath, ["-e", `require("./out/commonjs.cjs").tagCount().then((n) => console.log(n))`], app);
    expect(output.trim()).toBe("2");
  }, TIMEOUT);

  it.concurrent("`await using` closes the database at the end of its block (TypeScript's own downlevel, Node's Symbol.asyncDispose)", async ({ expect }) => {
    const app = appDir("dispose");
    await compile("dispose");
    const output = JSON.parse(await run(process.execPath, ["out/dispose.js"], app)) as { visits: number; afterwards: string };
    expect(output.visits).toBe(1);
    expect(output.afterwards).toMatch(/database is closed/);
  }, TIMEOUT);
});

/** Runs at most `size` of the tasks given at once; the others wait for a free slot, which a finished task hands on. */
function limit(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < size) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
