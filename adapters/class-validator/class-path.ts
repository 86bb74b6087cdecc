import { problems } from "../shared/problems.js";
import { SchemaPath } from "../shared/schema-path.js";

/**
 * The classes being read for one model field, outermost first: a class that holds itself (a
 * category's subcategories, a comment's replies) is stored as a JSON value from where it recurs,
 * as Zod's `z.lazy` is (see SchemaPath). A `shallow` path reads no class at all, only what a
 * property holds at its top (an object, an array, ...).
 */
export class ClassPath extends SchemaPath {
  constructor(
    field: string,
    readonly shallow = false,
  ) {
    super(field);
  }

  /** The advice names the decorator form of the marker, which a class property takes. */
  override storedAs(type = "json"): string {
    return this.isInside ? problems.storedWhole(this.field) : `@Stored.${type}() on the property (or fields: { ${this.field}: Stored.${type} })`;
  }
}
