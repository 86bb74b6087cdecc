import { ModelError } from "../../src/kit/adapter.js";
import { whenReady } from "./maybe-async.js";

/**
 * Loads a schema library the first time a model needs it, so that importing `ommi` never loads
 * (or requires) a library the user does not use. Once loaded, it is returned synchronously.
 */
export function lazyImport<T>(packageName: string, load: () => Promise<T>): () => T | Promise<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return () =>
    loaded ??
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = undefined;
        throw new ModelError(`validating this model needs the "${packageName}" package: npm install ${packageName}`, { cause: error });
      },
    ));
}

/** Caches what `build` makes from a lazily loaded library, e.g. one compiled validator per schema. */
export function lazyBuild<M, T>(library: () => M | Promise<M>, build: (module: M) => T): () => T | Promise<T> {
  let built: T | undefined;
  return () => built ?? whenReady(library(), (module) => (built = build(module)));
}
