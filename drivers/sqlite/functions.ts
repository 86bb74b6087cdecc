import type Database from "better-sqlite3";

/** Regular expressions by source and flags; patterns repeat, so each is compiled once. */
const compiled = new Map<string, RegExp>();
const MAX_CACHED = 1000;

function regExp(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let found = compiled.get(key);
  if (!found) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(key, (found = new RegExp(source, flags)));
  }
  return found;
}

function matcher(flags: string) {
  return (value: unknown, source: unknown): number | null => {
    if (typeof value !== "string" || typeof source !== "string") return null;
    return regExp(source, flags).test(value) ? 1 : 0;
  };
}

/**
 * SQLite has no built-in regular expressions and its LIKE folds ASCII only, so `regex` and
 * `ilike` call these JavaScript functions (Unicode-aware, like PostgreSQL's `~` and ILIKE).
 */
export function registerFunctions(db: Database.Database): void {
  // `s`: `.` matches newlines too, as in PostgreSQL's regular expressions (which cannot do otherwise).
  db.function("ommi_regexp", { deterministic: true }, matcher("su"));
  db.function("ommi_regexp_i", { deterministic: true }, matcher("iu"));
}
