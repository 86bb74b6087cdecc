import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mysqlUnderTest, testMySQLUrl } from "../support/mysql.js";
import { skipWithout } from "../support/server-suite.js";
import { root, runTsx } from "./run-tsx.js";

const docs = join(root, "docs");
const documents = ["README.md", ...(existsSync(docs) ? readdirSync(docs).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`) : [])];
// Inside the repository (in a folder git ignores), so that snippets resolve "ommi" and the schema libraries as examples do.
const folder = join(root, ".scratch", `doc-snippets-${process.pid}`);
// tsx applies a tsconfig only to the files it includes: this one gives the snippets the project's options (decorators, paths).
const tsconfig = { extends: "../../tsconfig.json", include: ["*.ts"] };

/** The code blocks a document marks `<!-- runnable -->`: whole programs a reader can paste and run. */
function runnableSnippets(document: string): string[] {
  const text = readFileSync(join(root, document), "utf8");
  return [...text.matchAll(/<!-- runnable -->\n```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
}

/** Code blocks a document marks `<!-- file: path -->`: shown as they are in that file, which the tests run. */
function fileSnippets(document: string): { name: string; path: string; code: string }[] {
  const text = readFileSync(join(root, document), "utf8");
  return [...text.matchAll(/<!-- file: (\S+) -->\n```ts\n([\s\S]*?)```/g)].map((match) => ({ name: `${document}: ${match[1]}`, path: match[1] ?? "", code: match[2] ?? "" }));
}

const allSnippets = documents.flatMap((document) => runnableSnippets(document).map((code, index) => ({ name: `${document} #${index + 1}`, code })));
/** Snippets on a database server need it: they run where the test suite's server is (see test/support/mysql.ts). */
const needsMySQL = (code: string) => code.includes('from "ommi/mysql"');
const snippets = allSnippets.filter(({ code }) => !needsMySQL(code));
const mysqlSnippets = allSnippets.filter(({ code }) => needsMySQL(code));

function runSnippet(name: string, code: string): Promise<string> {
  const file = join(folder, `${name.replace(/\W+/g, "-")}.ts`);
  writeFileSync(file, code);
  return runTsx(file, { TSX_TSCONFIG_PATH: join(folder, "tsconfig.json") });
}

describe("runnable snippets in the documentation", () => {
  beforeAll(() => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "tsconfig.json"), JSON.stringify(tsconfig));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("finds some", () => {
    expect(snippets.length).toBeGreaterThan(0);
  });

  it.concurrent.each(snippets)("$name runs and prints", async ({ name, code }) => {
    expect(await runSnippet(name, code)).not.toBe("");
  });

  describe("on MySQL or MariaDB", () => {
    skipWithout(mysqlUnderTest);
    // The snippets name the suite's server as a reader would write it; the test points them at the one the suite uses.
    it.each(mysqlSnippets)("$name runs and prints", async ({ name, code }) => {
      expect(await runSnippet(name, code.replaceAll("mysql://root@127.0.0.1:3306/test", testMySQLUrl))).not.toBe("");
    });
  });
});

describe("code in the documentation shown from a file", () => {
  it.each(documents.flatMap(fileSnippets))("$name is that file as it is", ({ path, code }) => {
    expect(code).toBe(readFileSync(join(root, path), "utf8"));
  });
});
