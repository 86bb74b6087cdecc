// @ts-check
/**
 * Ommi's import rules (DESIGN.md section 2), checked by `npm run lint` with dependency-cruiser.
 *
 * Each rule forbids, for one layer, every import of Ommi's own code outside what the layer may
 * use (`to.path` = Ommi's code, `to.pathNot` = what is allowed), so a rule reads as its DESIGN.md
 * line and a file added to a layer is covered without touching this file. Paths are the resolved
 * files relative to the repository root; type-only imports count as dependencies everywhere,
 * except where a rule says so (`tsPreCompilationDeps: true` keeps them in the graph, marked
 * "type-only").
 */

/** @typedef {import("dependency-cruiser").IForbiddenRuleType} Rule */

/** Ommi's own code: every folder the rules govern. */
const OMMI = "^(src|adapters|drivers|conformance)/";

// The layers of src/, lowest first.
const BOTTOM = "^src/(errors\\.ts$|util/)";
const MODEL = "^src/model/";
const QUERY = "^src/query/";
const CONTRACT = "^src/driver\\.ts$";
/** Watching what runs: the statement observer drivers report to, loggers, spans, unchecked failures. */
const OBSERVE = "^src/observe/";
const BUILDER = "^src/builder/";
/** The interface layer: the only code that builds results, rows and relations. */
const INTERFACE = "^src/((ommi|find|prepared|result|validate|rows|selection|raw-sql)\\.ts$|relations/)";
const KIT = "^src/kit/";
const DRIVER_KIT = "^src/kit/driver\\.ts$";
const ADAPTER_KIT = "^src/kit/adapter\\.ts$";
const ENTRY = "^src/index\\.ts$";

/** The one file of drivers/sql/ that imports Drizzle. */
const DRIZZLE_SEAM = "^drivers/sql/drizzle\\.ts$";
/** Each SQL dialect's own Drizzle dialect and table builders (drivers/sql/ is no dialect). */
const DIALECT_DRIZZLE_FILES = "^drivers/(?!sql/)[^/]+/(dialect|table)\\.ts$";

/**
 * Matches an npm package whether it resolved into node_modules or not (an uninstalled optional
 * client stays as written, e.g. "mysql2").
 * @param {string} name
 */
function npmPackage(name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return `(^|/)node_modules/${escaped}/|^${escaped}(/|$)`;
}

/** A database client belongs to the one driver folder that wraps it. */
const DATABASE_CLIENTS = [
  { client: "better-sqlite3", folder: "sqlite" },
  { client: "postgres", folder: "postgres" },
  { client: "mysql2", folder: "mysql" },
  { client: "mongodb", folder: "mongodb" },
];

/** A schema library belongs to the one adapter folder that reads it. */
const SCHEMA_LIBRARIES = [
  { library: "zod", folder: "zod" },
  { library: "valibot", folder: "valibot" },
  { library: "typebox", folder: "typebox" },
  { library: "class-validator", folder: "class-validator" },
  { library: "class-transformer", folder: "class-validator" },
];

/** npm packages the exported conformance suite may use: its users install exactly these. */
const CONFORMANCE_PACKAGES = ["vitest", "zod"];

/**
 * A layer's rule: files matching `from` may import, of Ommi's own code, only what `allowed`
 * matches; `comment` is the reason lint prints.
 * @param {string} name
 * @param {string} comment
 * @param {string} from
 * @param {string | string[]} allowed
 * @returns {Rule}
 */
function layer(name, comment, from, allowed) {
  return { name, comment, severity: "error", from: { path: from }, to: { path: OMMI, pathNot: allowed } };
}

/** @type {Rule[]} */
const layerRules = [
  layer(
    "layer-1-bottom",
    "rule 1: src/errors.ts and src/util/ are the bottom layer; they import only each other, " +
      "so every other layer can use them without an import circle",
    BOTTOM,
    BOTTOM,
  ),
  layer(
    "layer-2-model",
    "rule 2: src/model/ is metadata only; it imports errors, util and model, never the " +
      "query, builder or interface layers above it",
    MODEL,
    [BOTTOM, MODEL],
  ),
  layer(
    "layer-3-query",
    "rule 3: src/query/ builds on model, errors and util only; the builder and the driver " +
      "contract sit above it",
    QUERY,
    [BOTTOM, MODEL, QUERY],
  ),
  layer(
    "layer-4-driver-contract",
    "rule 4: src/driver.ts (the driver contract) refers to model, query and observe, and only for " +
      "their types, so a driver gets the contract without loading the core",
    CONTRACT,
    [MODEL, QUERY, OBSERVE],
  ),
  {
    name: "layer-4-driver-contract-types-only",
    comment: "rule 4: src/driver.ts is types only: use `import type` for model, query and observe",
    severity: "error",
    from: { path: CONTRACT },
    to: { path: [MODEL, QUERY, OBSERVE], dependencyTypesNot: ["type-only"] },
  },
  layer(
    "layer-4-observe",
    "src/observe/ (statement observers, loggers, spans, unchecked failures) sits beside the driver " +
      "contract: it uses errors and util only, so the contract, the kit and the interface layer can use it",
    OBSERVE,
    [BOTTOM, OBSERVE],
  ),
  layer(
    "layer-5-builder",
    "rule 5: src/builder/ (what users call to build) uses model, query, errors and util; " +
      "never the driver contract or the interface layer",
    BUILDER,
    [BOTTOM, MODEL, QUERY, BUILDER],
  ),
  layer(
    "layer-6-interface",
    "rule 6: the interface layer (ommi, find, prepared, result, validate, rows, relations) uses anything " +
      "below it in src/, never the kits or the public entry",
    INTERFACE,
    [BOTTOM, MODEL, QUERY, CONTRACT, OBSERVE, BUILDER, INTERFACE],
  ),
  layer(
    "layer-6-kit",
    "rule 6: ommi/driver and ommi/adapter (src/kit/) are facades over the core: they import " +
      "src/ only, and not the public entry (which pulls in every adapter)",
    KIT,
    "^src/(?!index\\.ts$)",
  ),
  layer(
    "layer-6-driver-kit",
    "rule 9 through the kit: ommi/driver re-exports the contract, model, query and errors; " +
      "re-exporting the builder or the interface layer would hand them to every driver",
    DRIVER_KIT,
    [BOTTOM, MODEL, QUERY, CONTRACT, OBSERVE],
  ),
  {
    name: "layer-unknown-src-file",
    comment:
      "every file of src/ belongs to a layer of DESIGN.md section 2, so that a rule above " +
      "governs it: put this file in a layer's folder (or name it in .dependency-cruiser.cjs)",
    severity: "error",
    from: { path: "^src/", pathNot: [BOTTOM, MODEL, QUERY, CONTRACT, OBSERVE, BUILDER, INTERFACE, KIT, ENTRY] },
    to: { path: OMMI },
  },
  {
    name: "layer-7-only-index-imports-adapters",
    comment:
      "rule 7: the core knows no schema library; only src/index.ts composes the adapters " +
      "(through adapters/index.ts)",
    severity: "error",
    from: { path: "^src/", pathNot: ENTRY },
    to: { path: "^adapters/" },
  },
  {
    name: "layer-7-index-composes-adapters",
    comment: "rule 7: src/index.ts takes the adapters from adapters/index.ts, the one list of built-in adapters",
    severity: "error",
    from: { path: ENTRY },
    to: { path: "^adapters/", pathNot: "^adapters/index\\.ts$" },
  },
  {
    name: "layer-7-core-imports-no-driver",
    comment:
      "rule 7: the core knows no database; drivers and the conformance suite sit on top of it, " +
      "never under it",
    severity: "error",
    from: { path: "^src/" },
    to: { path: "^(drivers|conformance)/" },
  },
  layer(
    "layer-8-adapter",
    "rule 8: an adapter imports the core only through ommi/adapter (src/kit/adapter.ts), " +
      "plus adapters/shared/ and its own folder, never another adapter",
    "^adapters/([^/]+)/",
    [ADAPTER_KIT, "^adapters/(shared|$1)/"],
  ),
  layer(
    "layer-8-adapter-list",
    "rule 8: adapters/index.ts lists the built-in adapters: it imports their folders and " +
      "ommi/adapter (src/kit/adapter.ts), nothing else of Ommi",
    "^adapters/[^/]+$",
    [ADAPTER_KIT, "^adapters/"],
  ),
  layer(
    "layer-9-driver",
    "rule 9: a driver imports the core only through ommi/driver (src/kit/driver.ts), plus " +
      "drivers/sql/ (SQL dialects) and its own folder; never the builder, the interface layer, " +
      "an adapter or a sibling driver",
    "^drivers/([^/]+)/",
    [DRIVER_KIT, "^drivers/(sql|$1)/"],
  ),
  layer(
    "layer-conformance",
    "the conformance suite is a product for third-party drivers: it uses Ommi as they do, " +
      "through ommi (src/index.ts) and ommi/driver (src/kit/driver.ts), never a driver or the core's internals",
    "^conformance/",
    [ENTRY, DRIVER_KIT, "^conformance/"],
  ),
  {
    name: "conformance-packages",
    comment:
      `the conformance suite ships to driver authors: it imports no npm package beyond ` +
      `${CONFORMANCE_PACKAGES.join(", ")} (a new one is a new dependency for every user)`,
    severity: "error",
    from: { path: "^conformance/" },
    to: {
      dependencyTypes: ["npm", "npm-dev", "npm-peer", "npm-optional", "npm-no-pkg", "npm-unknown"],
      pathNot: CONFORMANCE_PACKAGES.map(npmPackage),
    },
  },
];

/** @type {Rule[]} */
const packageRules = [
  ...DATABASE_CLIENTS.map(/** @returns {Rule} */ ({ client, folder }) => ({
    name: `database-client-${client}`,
    comment:
      `rule 9: ${client} is the database client of drivers/${folder}/ and is imported from ` +
      `that folder only, so the core, the other drivers and the conformance suite load without it`,
    severity: "error",
    from: { pathNot: `^drivers/${folder}/` },
    to: { path: npmPackage(client) },
  })),
  {
    name: "drizzle-seam",
    comment:
      "rule 10: Drizzle is imported in one seam of drivers/sql/ (drivers/sql/drizzle.ts) and in " +
      "each dialect's own dialect.ts and table.ts, so a Drizzle upgrade touches those files only",
    severity: "error",
    from: { pathNot: [DRIZZLE_SEAM, DIALECT_DRIZZLE_FILES] },
    to: { path: npmPackage("drizzle-orm") },
  },
  ...SCHEMA_LIBRARIES.map(/** @returns {Rule} */ ({ library, folder }) => ({
    name: `schema-library-${library}`,
    comment:
      `${library} is loaded at run time by adapters/${folder}/ only: users without it must be ` +
      "able to load Ommi (type-only imports elsewhere in adapters/ are fine: they vanish at run time)",
    severity: "error",
    from: {
      pathNot: [`^adapters/${folder}/`, ...(CONFORMANCE_PACKAGES.includes(library) ? ["^conformance/"] : [])],
    },
    to: { path: npmPackage(library), dependencyTypesNot: ["type-only"] },
  })),
  {
    name: "schema-library-outside-adapters",
    comment:
      "the core and the drivers know no schema library, not even its types: what they need of " +
      "a schema reaches them as FieldMeta from an adapter",
    severity: "error",
    from: { path: "^(src|drivers)/" },
    to: { path: SCHEMA_LIBRARIES.map(({ library }) => npmPackage(library)) },
  },
];

/** @type {Rule[]} */
const graphRules = [
  {
    name: "no-circular",
    comment:
      "rule 11: no import circle; a circle fixes module evaluation order by accident and ties " +
      "layers together (the only exception: type-only circles among src/query/nodes/)",
    severity: "error",
    from: {},
    // some module of the circle lies outside src/query/nodes/
    to: { circular: true, via: { pathNot: "^src/query/nodes/" } },
  },
  {
    name: "no-circular-at-run-time-in-query-nodes",
    comment:
      "rule 11: the node kinds of src/query/nodes/ may name each other's types in a circle, " +
      "but a value import closing the circle makes one node module load half-initialised",
    severity: "error",
    from: {},
    to: {
      circular: true,
      viaOnly: { path: "^src/query/nodes/" },
      via: { dependencyTypesNot: ["type-only"] },
    },
  },
  {
    name: "not-to-unresolvable",
    comment:
      "an import that does not resolve to a file escapes every rule above (and fails at run " +
      "time): fix the path, or install the package",
    severity: "error",
    from: {},
    to: { couldNotResolve: true },
  },
];

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [...layerRules, ...packageRules, ...graphRules],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports stay in the graph (marked "type-only"): a layer may not lean on a higher
    // one even for types, and the circle rule needs them to tell type-only circles apart.
    tsPreCompilationDeps: true,
    // tsconfig.json's `paths` map "ommi", "ommi/driver", ... to their files.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
