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
    const found = this.#entries.get(key);
    if (found !== undefined) return found;
    const created = create();
    this.#entries.set(key, created);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    return created;
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
