import { registerAdapter } from "../src/model/adapter.js";
import { zodAdapter } from "./zod/index.js";

/** The schema libraries `model()` understands out of the box. A new library is one folder and one line here. */
for (const adapter of [zodAdapter]) registerAdapter(adapter);
