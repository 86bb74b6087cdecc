import { quote, SchemaError } from "../../src/kit/driver.js";

/**
 * The schema of Ommi's tables: the one the options name, or else a function that gives the
 * connection's `current_schema()` once the server has answered (null when no schema on its
 * search_path exists). Every statement names it (see Tables): never left to the search path.
 */
export type SchemaSource = string | (() => string | null | undefined);

const NAME_A_SCHEMA = 'name one with PostgreSQLDriver.connect({ schema: "app" }) (createModels() creates it)';

/**
 * PostgreSQL's own schemas: pg_catalog, pg_toast, pg_temp_N... (it lets nobody else create a
 * schema whose name begins with pg_), and information_schema. Ommi's tables never go there: a
 * model named pg_class in pg_catalog would be the catalog itself.
 */
function isSystemSchema(name: string): boolean {
  return name.startsWith("pg_") || name === "information_schema";
}

/** The schema `source` names, once it is one that can hold Ommi's tables; otherwise a SchemaError. */
export function schemaFrom(source: SchemaSource): string {
  const schema = typeof source === "string" ? source : source();
  if (schema === undefined) throw new Error("the current schema is known only once the server has answered");
  if (schema === null) {
    throw new SchemaError(`PostgreSQL gives this connection no current schema (no schema on its search_path exists), so Ommi does not know where its tables are: ${NAME_A_SCHEMA}`);
  }
  if (isSystemSchema(schema)) {
    const whose = typeof source === "string" ? "The schema option names" : "This connection's current schema (the first on its search_path) is";
    throw new SchemaError(`${whose} ${quote(schema)}, a schema of PostgreSQL's own, which cannot hold Ommi's tables: ${NAME_A_SCHEMA}`);
  }
  return schema;
}
