import type { ModelClass } from "../../src/kit/adapter.js";
import { classChain } from "./class-chain.js";

/** The parts of class-validator's `ValidationMetadata` (one decorator on one property) that Ommi reads. */
export interface ValidationRule {
  /** "customValidation" for most decorators; "conditionalValidation" (IsOptional, ValidateIf), "nestedValidation", ... */
  readonly type: string;
  /** The decorator's validator name: "isInt", "isOptional", "isEnum", ... */
  readonly name?: string;
  readonly target: unknown;
  readonly propertyName: string;
  readonly constraints?: readonly unknown[];
  /** The rule applies to each item of an array. */
  readonly each?: boolean;
}

interface MetadataStorage {
  getTargetValidationMetadatas(target: ModelClass, targetSchema: string, always: boolean, strictGroups: boolean): readonly ValidationRule[];
}

/**
 * class-validator keeps its metadata on a global shared by its CommonJS and ESM builds, so Ommi reads
 * it without importing class-validator. It is missing until some class-validator decorator has run.
 */
function metadataStorage(): MetadataStorage | undefined {
  return (globalThis as { classValidatorMetadataStorage?: MetadataStorage }).classValidatorMetadataStorage;
}

/** The class-validator rules of each property of a class, including inherited ones; base class properties come first. */
export function validationRules(cls: ModelClass): Map<string, ValidationRule[]> {
  // `always: true` takes every rule whatever its groups: a property's type does not depend on the group being validated.
  const rules = metadataStorage()?.getTargetValidationMetadatas(cls, "", true, false) ?? [];
  const byProperty = new Map<string, ValidationRule[]>();
  for (const owner of classChain(cls)) {
    for (const rule of rules) {
      if (rule.target !== owner) continue;
      byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    }
  }
  return byProperty;
}
