import { getTableColumns, is, Placeholder, sql, type Column, type SQL, type Table } from "drizzle-orm";

/**
 * Drizzle, as Ommi's SQL drivers use it: the SQL template builder and the table types the shared
 * compiler writes statements with. The one file in drivers/sql that imports drizzle-orm; the
 * dialect folders import it only in their own dialect.ts and table.ts (DESIGN.md section 2, rule
 * 10), so a Drizzle upgrade touches these few files.
 */
export { getTableColumns, sql, type Column, type SQL, type Table };

/**
 * The name of a placeholder among a compiled statement's parameters (`sql.placeholder(name)`,
 * see Compilation.placeholder), or undefined for a constant Drizzle bound as it is. Recognised
 * with Drizzle's own `is()`, as its `fillPlaceholders` does; CompiledStatement asks once per
 * statement shape, not per call.
 */
export function placeholderName(param: unknown): string | undefined {
  return is(param, Placeholder) ? String(param.name) : undefined;
}
