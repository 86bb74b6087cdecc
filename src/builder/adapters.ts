import { ModelError } from "../errors.js";
import type { SchemaAdapter } from "../model/adapter.js";

/** The schema libraries `model()` reads. `src/index.ts` registers the built-in ones; users may add more. */
const adapters: SchemaAdapter[] = [];

/** Makes `model()` understand one more schema library. Later registrations are tried first. */
export function registerAdapter(adapter: SchemaAdapter): void {
  if (!adapters.includes(adapter)) adapters.unshift(adapter);
}

export function adapterFor(schema: unknown): SchemaAdapter {
  const adapter = adapters.find((candidate) => candidate.accepts(schema));
  if (adapter) return adapter;
  const known = adapters.map((candidate) => candidate.library).join(", ");
  throw new ModelError(`model() does not recognise this schema (${describeValue(schema)}); it reads ${known} schemas`);
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "function") return `class ${value.name || "(anonymous)"}`;
  if (typeof value === "object") return `an object with keys ${Object.keys(value).slice(0, 5).join(", ") || "(none)"}`;
  return typeof value;
}
