import { ModelError, type ModelClass } from "../../src/kit/adapter.js";
import { problems } from "../shared/problems.js";
import { isGetterOnly } from "./class-chain.js";
import { TEXT, TYPE_DECORATORS } from "./read-field.js";
import type { TransformerProperty } from "./transformer-metadata.js";

// The class-validator decorator for what a `@Type(() => X)` names, when X is a value a column holds.
const DECORATOR_FOR = new Map<unknown, string>([[String, "@IsString()"], [Number, "@IsNumber() or @IsInt()"], [Boolean, "@IsBoolean()"], [Date, "@IsDate()"]]);

/**
 * Refuses a property that class-transformer's decorators make data but that no field describes:
 * Ommi reads a class's fields from class-validator (and its own markers), so its value would be
 * validated by nothing and dropped on every add. Left alone: properties `@Exclude()`d from input,
 * which their author says are not data, and getters, which are computed rather than given.
 */
export function refuseTransformerOnly(modelName: string, cls: ModelClass, fieldNames: ReadonlySet<string>, properties: Iterable<TransformerProperty>): void {
  for (const property of properties) {
    if (fieldNames.has(property.name) || property.excludedFromInput || isGetterOnly(cls, property.name)) continue;
    throw new ModelError(`${modelName}.${property.name}: ${problemOf(property)}`);
  }
}

function problemOf(property: TransformerProperty): string {
  const { heldType, designType } = property;
  if (designType === Array || heldType === Array) return problems.collection("array", TEXT);
  if (typeof heldType === "function" && !DECORATOR_FOR.has(heldType) && heldType !== Object) {
    return `class-transformer's @Type says it holds a ${heldType.name || "class"}, and ${problems.nestedObject(TEXT)}`;
  }
  // A property that reaches here and is @Exclude()d is excluded from output only.
  const decorators = property.decorators.map((decorator) => (decorator === "@Exclude" ? "@Exclude({ toPlainOnly: true })" : decorator)).join(", ");
  const add = DECORATOR_FOR.get(heldType) ?? `the one for its type: ${TYPE_DECORATORS}`;
  const notData = property.decorators.includes("@Exclude") ? "" : " (or @Exclude() it if it is not data)";
  return `only class-transformer (${decorators}) describes it, and Ommi takes a class's fields from its class-validator decorators, so its value would be lost; add a class-validator decorator, ${add}${notData}`;
}
