import { classValidatorCorpus } from "./class-validator/index.js";
import type { CorpusEntry } from "./entry.js";
import { typeboxCorpus } from "./typebox/index.js";
import { valibotCorpus } from "./valibot/index.js";
import { zodCorpus } from "./zod/index.js";

/** Every schema of the corpus, library by library. */
export const corpus: readonly CorpusEntry[] = [...zodCorpus, ...valibotCorpus, ...typeboxCorpus, ...classValidatorCorpus];
