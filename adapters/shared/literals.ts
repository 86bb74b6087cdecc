import { scalar, type Fail, type FieldReading } from "./field-reading.js";

/** Enums and literals are stored as their base type, with the allowed values kept beside it. */
export function readLiterals(values: readonly unknown[], fail: Fail): FieldReading {
  const kinds = new Set(values.map((value) => typeof value));
  if (kinds.size === 0) throw fail("an enum without values cannot be stored");
  // Strings, numbers and booleans together are one JSON value, which keeps each one's type exactly.
  if (kinds.size > 1 && [...kinds].every((kind) => kind === "string" || kind === "number" || kind === "boolean")) return scalar("json");
  if (kinds.size > 1) throw fail("literals of mixed types cannot be stored in one column; give each type a field of its own");
  const [kind] = kinds;
  const typed = values as (string | number | boolean)[];
  if (kind === "string") return { ...scalar("string"), values: typed };
  if (kind === "boolean") return { ...scalar("boolean"), values: typed };
  if (kind === "number") return { ...scalar(typed.every((value) => Number.isInteger(value)) ? "integer" : "float"), values: typed };
  throw fail(`literals of type ${String(kind)} cannot be stored`);
}
