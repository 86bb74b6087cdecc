import { ModelError } from "../errors.js";
import type { ModelMeta } from "./meta.js";

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

  /** Called by `model()`. Names must differ ignoring case, as SQL table names do. */
  register(meta: ModelMeta): void {
    const folded = meta.name.toLowerCase();
    const existing = this.#models.get(folded);
    if (existing) {
      throw new ModelError(`A model named "${existing.name}" is already in this collection; give "${meta.name}" another name or use another ModelCollection`);
    }
    this.#models.set(folded, meta);
  }
}

/** The collection `model()` uses when none is given. */
export const defaultCollection = new ModelCollection();
