import type { ModelClass } from "../../src/kit/adapter.js";
import { TYPE_DECORATORS } from "./advice.js";
import { isGetterOnly } from "./class-chain.js";
import { transformerProperties, type TransformerProperty } from "./transformer-metadata.js";

// The class-validator decorator for what a `@Type(() => X)` names, when X is a value a column holds.
const DECORATOR_FOR = new Map<unknown, string>([[String, "@IsString()"], [Number, "@IsNumber() or @IsInt()"], [Boolean, "@IsBoolean()"], [Date, "@IsDate()"]]);

/** A property that only class-transformer describes, and why it is refused. */
export interface TransformerOnly {
  readonly name: string;
  readonly problem: string;
}

/**
 * The properties of `cls` that class-transformer's decorators make data but that no field
 * describes: Ommi reads a class's fields from class-validator (and its own markers), so their
 * values would be validated by nothing and dropped on every add. Left alone: properties
 * `@Exclude()`d from input, which their author says are not data, and getters, which are
 * computed rather than given.
 */
export function transformerOnlyProblems(cls: ModelClass, fieldNames: ReadonlySet<string>): TransformerOnly[] {
  return [...transformerProperties(cls).values()]
    .filter((property) => !fieldNames.has(property.name) && !property.excludedFromInput && !isGetterOnly(cls, property.name))
    .map((property) => ({ name: property.name, problem: problemOf(property) }));
}

function problemOf(property: TransformerProperty): string {
  const { heldType, designType } = property;
  const isClass = typeof heldType === "function" && !DECORATOR_FOR.has(heldType) && heldType !== Object && heldType !== Array;
  const className = isClass ? heldType.name || "class" : "";
  if (designType === Array || heldType === Array) {
    const items = isClass ? `@ValidateNested({ each: true }) (with @IsArray()), so that class-validator checks each ${className}` : "@IsArray() with a rule for its items (@IsString({ each: true }), ...)";
    return `only class-transformer (@Type) describes it, and Ommi takes a class's fields from its class-validator decorators, so its value would be lost; add ${items}`;
  }
  if (isClass) {
    return `class-transformer's @Type says it holds a ${className}, which Ommi stores as a nested object once class-validator checks it; add @ValidateNested() (and class-validator decorators on ${className}'s properties)`;
  }
  // A property that reaches here and is @Exclude()d is excluded from output only.
  const decorators = property.decorators.map((decorator) => (decorator === "@Exclude" ? "@Exclude({ toPlainOnly: true })" : decorator)).join(", ");
  const add = DECORATOR_FOR.get(heldType) ?? `the one for its type: ${TYPE_DECORATORS}`;
  const notData = property.decorators.includes("@Exclude") ? "" : " (or @Exclude() it if it is not data)";
  return `only class-transformer (${decorators}) describes it, and Ommi takes a class's fields from its class-validator decorators, so its value would be lost; add a class-validator decorator, ${add}${notData}`;
}
