/**
 * Preloaded (`--import`) to run a program as if `@opentelemetry/api` were not installed: resolving
 * it fails as a missing package does. Ommi loads it through require, which resolves here.
 */
import Module from "node:module";

interface Resolver {
  _resolveFilename(request: string, ...rest: unknown[]): string;
}

const loader = Module as unknown as Resolver;
const resolve = loader._resolveFilename.bind(loader);
loader._resolveFilename = (request, ...rest) => {
  if (request === "@opentelemetry/api" || request.startsWith("@opentelemetry/api/")) {
    throw Object.assign(new Error(`Cannot find module '${request}'`), { code: "MODULE_NOT_FOUND" });
  }
  return resolve(request, ...rest);
};
