import type { ValidationIssue } from "../errors.js";
import type { SchemaField } from "./field.js";

/** The outcome of validating one input value through a schema library. */
export type Validated =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[]; readonly libraryIssues: unknown };

/** What an adapter learns from one schema: everything core needs, nothing library-specific. */
export interface SchemaDescription {
  /** The model name when the schema carries one (a class name); otherwise `options.name` is required. */
  readonly defaultName?: string;
  readonly fields: readonly SchemaField[];
  /** Validates a whole value through the schema library; the value it returns is what gets stored. */
  validate(input: unknown): Validated | Promise<Validated>;
  /** Validates the fields present in an update patch, each by its own rule. */
  validatePatch(patch: Record<string, unknown>): Validated | Promise<Validated>;
  /** Turns a plain stored row into what users get back (e.g. an instance of their class). */
  hydrate?(row: Record<string, unknown>): object;
}

/**
 * The only code that knows a schema library. An adapter recognises that library's schemas and
 * describes them. Adapters must not import their library at run time at module load (type
 * imports only), so that `ommi` never forces a library on a user who does not use it.
 */
export interface SchemaAdapter {
  /** The library's name, for error messages. */
  readonly library: string;
  accepts(schema: unknown): boolean;
  /** Reads the schema; `name` (from the options, when given) is for error messages. */
  describe(schema: unknown, name: string | undefined): SchemaDescription;
}
