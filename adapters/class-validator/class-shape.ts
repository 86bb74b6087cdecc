import { isScalar, type FieldType, type ModelClass } from "../../src/kit/adapter.js";
import { heldClass, isNested, topTypeOf, typedByDecorators } from "./read-field.js";
import { validationRules, type ValidationRule } from "./rules.js";
import { transformerProperties } from "./transformer-metadata.js";

/** What Ommi needs to know of one property of a class to validate, store and rebuild its values. */
export interface PropertyShape {
  /** The class of the instances it holds (one, or an array of them), which class-validator checks with `@ValidateNested()`. */
  readonly nested?: () => ClassShape;
  /**
   * The type Ommi checks the value's top against, where class-validator does not promise it: a
   * type that came from `design:type`, and the structured types (`@ValidateNested()` takes an
   * array for one object, an `each: true` rule takes a lone value for an array).
   */
  readonly check?: FieldType;
}

/** A class as Ommi validates, stores and rebuilds its values: a model's class, or a class nested in one. */
export interface ClassShape {
  readonly cls: ModelClass;
  /** Its stored properties. */
  readonly fieldNames: readonly string[];
  /** Properties `@Exclude()`d from input: not data by their author's word, left out without a word. */
  readonly notData: ReadonlySet<string>;
  readonly properties: ReadonlyMap<string, PropertyShape>;
}

const nestedShapes = new WeakMap<ModelClass, ClassShape>();

/** The shape of a model's class, whose fields are `fieldNames`. */
export function modelShape(cls: ModelClass, fieldNames: readonly string[], rules: ReadonlyMap<string, readonly ValidationRule[]>): ClassShape {
  return shapeOf(cls, fieldNames, rules);
}

/** The shape of a class nested in a model: its class-validator decorated properties. Built once per class, on first use. */
function nestedShape(cls: ModelClass): ClassShape {
  let shape = nestedShapes.get(cls);
  if (!shape) {
    const rules = validationRules(cls);
    nestedShapes.set(cls, (shape = shapeOf(cls, [...rules.keys()], rules)));
  }
  return shape;
}

function shapeOf(cls: ModelClass, fieldNames: readonly string[], rules: ReadonlyMap<string, readonly ValidationRule[]>): ClassShape {
  const properties = new Map<string, PropertyShape>();
  for (const name of fieldNames) {
    const propertyRules = rules.get(name) ?? [];
    const held = isNested(propertyRules) ? heldClass(cls, name, propertyRules) : undefined;
    const type = topTypeOf(cls, name, propertyRules);
    const checked = type !== undefined && type !== "json" && (!isScalar({ type, nullable: false }) || !typedByDecorators(propertyRules));
    properties.set(name, {
      ...(typeof held === "function" ? { nested: () => nestedShape(held as ModelClass) } : {}),
      ...(checked ? { check: type } : {}),
    });
  }
  const notData = new Set([...transformerProperties(cls).values()].filter((property) => property.excludedFromInput).map((property) => property.name));
  return { cls, fieldNames, notData, properties };
}
