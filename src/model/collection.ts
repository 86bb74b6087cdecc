import { ModelError } from "../errors.js";
import type { ModelMeta } from "./meta.js";
import { storedShapeDifferences } from "./shape.js";

/**
 * A set of models that are created, migrated and dropped together, and that may refer to each
 * other. `model()` registers into the global `defaultCollection` unless given another.
 */
export class ModelCollection {
  readonly #models = new Map<string, ModelMeta>();

  /** The registered models, in registration order. */
  get models(): readonly ModelMeta[] {
    return [...this.#models.values()];
  }

  get(name: string): ModelMeta | undefined {
    return this.#models.get(name.toLowerCase());
  }

  /**
   * Called by `model()`. Names must differ ignoring case, as SQL table names do. In the default
   * collection, a model defined again exactly as it is stored replaces the registered one, in its
   * place: that collection lives as long as the process, so a module evaluated again (hot reload,
   * a test importing it afresh) meets its own earlier definitions there. A different model under
   * a taken name, or any second definition in a collection of one's own, is a `ModelError`.
   */
  register(meta: ModelMeta): void {
    const folded = meta.name.toLowerCase();
    const existing = this.#models.get(folded);
    if (existing) {
      if (this !== defaultCollection) {
        throw new ModelError(`A model named "${existing.name}" is already in this collection; give "${meta.name}" another name or use another ModelCollection`);
      }
      const differences = storedShapeDifferences(existing, meta);
      if (differences.length > 0) {
        throw new ModelError(
          `A model named "${existing.name}" is already in the default collection, and this definition of "${meta.name}" differs from it (${differences.join("; ")}); ` +
            "give one another name or use another ModelCollection",
        );
      }
    }
    this.#models.set(folded, meta);
  }
}

/** The collection `model()` uses when none is given. */
export const defaultCollection = new ModelCollection();
