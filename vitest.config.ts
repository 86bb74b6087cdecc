import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package as users do ("ommi", "ommi/sqlite"), from source.
    alias: [
      { find: /^ommi$/, replacement: here("./src/index.ts") },
      { find: /^ommi\/(sqlite|postgres|mysql|mongodb)$/, replacement: here("./drivers/$1/index.ts") },
      { find: /^ommi\/(driver|adapter)$/, replacement: here("./src/kit/$1.ts") },
      { find: /^ommi\/conformance$/, replacement: here("./conformance/index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
