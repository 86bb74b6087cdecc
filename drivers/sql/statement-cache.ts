/**
 * A bounded map from a statement's shape key to whatever a driver keeps for it (compiled text,
 * a prepared statement), so applications that build endless shapes (e.g. `in` lists of every
 * length) cannot grow it without bound. The oldest entry goes first: a hit costs one lookup,
 * and a shape in steady use that is evicted is simply compiled again.
 */
export class StatementCache<T> {
  readonly #entries = new Map<string, T>();

  constructor(private readonly capacity = 500) {}

  get(key: string, create: () => T): T {
    return this.find(key) ?? this.add(key, create());
  }

  /** The entry for `key`, if any: for hot paths that must not allocate a `create` closure per call. */
  find(key: string): T | undefined {
    return this.#entries.get(key);
  }

  add(key: string, entry: T): T {
    this.#entries.set(key, entry);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    return entry;
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
