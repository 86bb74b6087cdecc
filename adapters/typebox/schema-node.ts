/**
 * The parts of a TypeBox 1.x schema that Ommi reads: its JSON Schema keywords, which are TypeBox's
 * documented structure, and TypeBox's own `~` markers for what JSON Schema cannot say.
 */
export interface TypeBoxNode {
  readonly "~kind"?: string;
  readonly "~codec"?: unknown;
  readonly "~refine"?: unknown;
  readonly "~unsafe"?: unknown;
  readonly type?: unknown;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly TypeBoxNode[];
  readonly instanceOf?: unknown;
  /** An object's keys, and which of them it requires. */
  readonly properties?: Readonly<Record<string, TypeBoxNode>>;
  readonly required?: readonly string[];
  /** `false`, or the type of the keys an object does not declare. */
  readonly additionalProperties?: unknown;
  /** A record's values, by the pattern its keys match. */
  readonly patternProperties?: Readonly<Record<string, TypeBoxNode>>;
  /** An array's items, or a tuple's, one schema per position. */
  readonly items?: TypeBoxNode | readonly TypeBoxNode[];
  readonly $ref?: unknown;
  readonly $id?: unknown;
}

/** `Type.Cyclic(...)`: a set of types that refer to one another by name, any of which may hold itself. */
export function isRecursive(schema: TypeBoxNode): boolean {
  return schema["~kind"] === "Cyclic";
}

/** `Type.This()`: the whole schema being checked, which for a model is the model itself. */
export function isThis(schema: TypeBoxNode): boolean {
  return schema.$ref === "#";
}

/** Whether `Type.This()` appears anywhere in `schema` (outside a Type.Cyclic, whose own references are its business). */
export function holdsThis(schema: TypeBoxNode): boolean {
  if (isThis(schema)) return true;
  if (isRecursive(schema)) return false;
  const parts = [
    ...(schema.anyOf ?? []),
    ...Object.values(schema.properties ?? {}),
    ...Object.values(schema.patternProperties ?? {}),
    ...itemsOf(schema),
    ...(typeof schema.additionalProperties === "object" && schema.additionalProperties !== null ? [schema.additionalProperties as TypeBoxNode] : []),
  ];
  return parts.some(holdsThis);
}

/** The schemas of an array's items: one, or (for a tuple) one per position. */
export function itemsOf(schema: TypeBoxNode): readonly TypeBoxNode[] {
  const { items } = schema;
  if (items === undefined) return [];
  return isTuple(items) ? items : [items];
}

export function isTuple(items: TypeBoxNode | readonly TypeBoxNode[]): items is readonly TypeBoxNode[] {
  return Array.isArray(items);
}
