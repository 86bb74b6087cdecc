import { QueryError } from "../../errors.js";

declare const PLACEHOLDER_NAME: unique symbol;

/**
 * Stands for a value given later, when a prepared query runs (`find(...).prepare()`): in a
 * condition (`User.id.eq(placeholder("id"))`), as an `in` list, or as a limit or offset. It is
 * a class rather than a plain `{ kind }` node because a compared value may itself be any plain
 * object (a JSON field's): only an instance made by `placeholder()` is a placeholder.
 */
export class Placeholder<N extends string = string> {
  /** Only for the type checker: the name, as a literal type. */
  declare readonly [PLACEHOLDER_NAME]?: N;

  constructor(readonly name: N) {
    Object.freeze(this);
  }

  toString(): string {
    return `placeholder(${JSON.stringify(this.name)})`;
  }
}

/**
 * A value to give when the prepared query runs, by name: `placeholder("id")`. One name may
 * stand in several places; each place checks the value as it would check a value written there.
 */
export function placeholder<const N extends string>(name: N): Placeholder<N> {
  if (typeof name !== "string" || name.length === 0) throw new QueryError(`placeholder() needs a non-empty name, got ${typeof name === "string" ? "an empty string" : typeof name}`);
  return new Placeholder(name);
}

export function isPlaceholder(value: unknown): value is Placeholder {
  // Most values compared are primitives: `typeof` answers for them before `instanceof` looks up the prototype chain.
  return typeof value === "object" && value instanceof Placeholder;
}
