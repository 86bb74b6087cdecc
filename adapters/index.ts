import type { SchemaAdapter } from "../src/kit/adapter.js";
import { classValidatorAdapter } from "./class-validator/index.js";
import { typeBoxAdapter } from "./typebox/index.js";
// A side-effect import, because declaration output keeps only those from a file that exports
// nothing: it carries TypeBox's row and input types to users of the built package.
import "./typebox/schema-types.js";
import { valibotAdapter } from "./valibot/index.js";
import { zodAdapter } from "./zod/index.js";

/** The schema libraries `model()` understands out of the box. A new library is one folder and one entry here. */
export const builtInAdapters: readonly SchemaAdapter[] = [zodAdapter, valibotAdapter, typeBoxAdapter, classValidatorAdapter];
