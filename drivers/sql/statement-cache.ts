/**
 * A bounded map from a statement's shape key to whatever a driver keeps for it (compiled text,
 * a prepared statement). Least recently used entries go first, so applications that build
 * endless shapes (e.g. `in` lists of every length) cannot grow it without bound.
 */
export class StatementCache<T> {
  readonly #entries = new Map<string, T>();

  constructor(private readonly capacity = 500) {}

  get(key: string, create: () => T): T {
    const found = this.#entries.get(key);
    if (found !== undefined) {
      // Move to the most recent end.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found;
    }
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
