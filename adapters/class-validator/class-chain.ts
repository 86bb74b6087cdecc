/** A class and the classes it extends, base class first. */
export function classChain(cls: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current: unknown = cls; typeof current === "function" && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    chain.unshift(current);
  }
  return chain;
}

/**
 * Whether the property is a getter without a setter somewhere on the class's prototype chain: its
 * value is computed, and it cannot be set (assigning it throws, so no row could be read back into it).
 */
export function isGetterOnly(cls: { readonly prototype: unknown }, name: string): boolean {
  for (let proto: unknown = cls.prototype; typeof proto === "object" && proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor.get !== undefined && descriptor.set === undefined;
  }
  return false;
}
