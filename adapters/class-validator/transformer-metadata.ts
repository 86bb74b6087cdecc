import { createRequire } from "node:module";
import { ModelError, type ModelClass } from "../../src/kit/adapter.js";
import { classChain } from "./class-chain.js";

/** What class-transformer's decorators say about one property of a class. */
export interface TransformerProperty {
  readonly name: string;
  /** The decorators that name it, as written: "@Type", "@Expose", "@Transform", "@Exclude". */
  readonly decorators: readonly string[];
  /** What `@Type` says the property holds, when its type function answers without class-transformer's arguments. */
  readonly heldType?: unknown;
  /** TypeScript's `design:type` for it, as `@Type` recorded it. */
  readonly designType?: unknown;
  /** `@Exclude()` keeps it out of plain input (both ways, or `toClassOnly`): by its author's word, it is not data. */
  readonly excludedFromInput: boolean;
}

interface DirectionOptions {
  readonly toClassOnly?: boolean;
  readonly toPlainOnly?: boolean;
}

interface PropertyMetadata {
  readonly propertyName?: string;
  readonly options?: DirectionOptions;
}

interface TypeMetadata extends PropertyMetadata {
  readonly typeFunction?: () => unknown;
  readonly reflectedType?: unknown;
}

/** The parts of class-transformer 0.5's `MetadataStorage` that Ommi reads. */
interface TransformerStorage {
  // Its public methods find @Type and @Transform by property name only; these maps list them.
  readonly _typeMetadatas?: unknown;
  readonly _transformMetadatas?: unknown;
  getExposedMetadatas(target: ModelClass): readonly PropertyMetadata[];
  getExcludedMetadatas(target: ModelClass): readonly PropertyMetadata[];
  findTypeMetadata(target: ModelClass, propertyName: string): TypeMetadata | undefined;
  findExcludeMetadata(target: ModelClass, propertyName: string): PropertyMetadata | undefined;
}

const require = createRequire(import.meta.url);
let storage: TransformerStorage | null | undefined;

/**
 * class-transformer's metadata storage, loaded the first time a class model is described, or
 * `undefined` when class-transformer is not installed (it is an optional peer). Its storage is a
 * module singleton, not a global: Node resolves `class-transformer` to its CommonJS build (the
 * package has no `exports` map), so requiring that build's storage finds the one its decorators
 * wrote to. (A bundler that picks the package's ES build would hold another copy, which Ommi cannot see.)
 */
function transformerStorage(): TransformerStorage | undefined {
  if (storage === undefined) {
    try {
      storage = (require("class-transformer/cjs/storage") as { defaultMetadataStorage: TransformerStorage }).defaultMetadataStorage;
    } catch (error) {
      if (!isNotInstalled(error)) throw new ModelError("class-transformer is installed, but Ommi cannot read its metadata storage (class-transformer/cjs/storage)", { cause: error });
      storage = null;
    }
  }
  return storage ?? undefined;
}

function isNotInstalled(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "MODULE_NOT_FOUND" && error.message.includes("'class-transformer/cjs/storage'");
}

/**
 * The properties of a class (its base classes' included) that class-transformer's decorators
 * name, by name; empty when class-transformer is not installed or names none of them.
 */
export function transformerProperties(cls: ModelClass): Map<string, TransformerProperty> {
  const found = transformerStorage();
  const properties = new Map<string, TransformerProperty>();
  if (!found) return properties;
  const decoratorsOf = new Map<string, Set<string>>();
  const note = (name: string | undefined, decorator: string) => {
    if (name !== undefined) decoratorsOf.set(name, (decoratorsOf.get(name) ?? new Set()).add(decorator));
  };
  for (const owner of classChain(cls)) {
    for (const name of propertyNames(found._typeMetadatas, owner)) note(name, "@Type");
    for (const name of propertyNames(found._transformMetadatas, owner)) note(name, "@Transform");
  }
  for (const metadata of found.getExposedMetadatas(cls)) note(metadata.propertyName, "@Expose");
  for (const metadata of found.getExcludedMetadatas(cls)) note(metadata.propertyName, "@Exclude");
  for (const [name, decorators] of decoratorsOf) {
    const typed = found.findTypeMetadata(cls, name);
    properties.set(name, {
      name,
      decorators: [...decorators],
      heldType: typed?.typeFunction ? heldType(typed.typeFunction) : undefined,
      designType: typed?.reflectedType,
      excludedFromInput: excludesInput(found.findExcludeMetadata(cls, name)),
    });
  }
  return properties;
}

/** The property names one class has metadata for in one of the storage's maps (class → property → metadata). */
function propertyNames(byClass: unknown, owner: unknown): (string | undefined)[] {
  const byProperty = byClass instanceof Map ? (byClass.get(owner) as unknown) : undefined;
  return byProperty instanceof Map ? ([...byProperty.keys()] as (string | undefined)[]) : [];
}

/** What a `@Type` type function names; a function that needs class-transformer's arguments (a discriminator's) names nothing here. */
function heldType(typeFunction: () => unknown): unknown {
  try {
    return typeFunction();
  } catch {
    return undefined;
  }
}

/** `@Exclude()` and `@Exclude({ toClassOnly: true })` keep a property out of plain input; `toPlainOnly` only hides it in output. */
function excludesInput(exclude: PropertyMetadata | undefined): boolean {
  if (!exclude) return false;
  const { toClassOnly, toPlainOnly } = exclude.options ?? {};
  return toClassOnly === true || toPlainOnly !== true;
}
