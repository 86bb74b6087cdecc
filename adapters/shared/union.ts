import { isScalar, ModelError, type ValueType } from "../../src/kit/adapter.js";
import { unionOf, valueTypeOf, type Fail, type FieldReading } from "./field-reading.js";
import { problems } from "./problems.js";

export interface UnionReading {
  /** The key whose literal value tells the objects apart, when the schema names one (z.discriminatedUnion, v.variant). */
  readonly discriminator?: string;
}

/**
 * What a value of one of `members` (the readings of the members other than null; `includesNull`
 * when null was one) is stored as. The members may be:
 * - of one scalar type: stored as that type, with the members' literal values when each is a literal;
 * - objects (or unions of objects): a union of those objects, told apart by `discriminator`;
 * - of one other type with the same shape (`array of string` twice): that type;
 * - of different types that JSON holds exactly (`string | number`, `string | string[]`): a JSON value.
 * Anything else (a Date or a bigint among different types) has no one type to store it as, since
 * JSON would not say which it was. A tuple's items are read the same way.
 */
export function readUnion(members: readonly FieldReading[], includesNull: boolean, fail: Fail, { discriminator }: UnionReading = {}): FieldReading {
  const refused = members.find((member) => member.problem);
  if (refused?.problem) throw fail(refused.problem);
  const flags = { optional: members.some((member) => member.optional), nullable: includesNull || members.some((member) => member.nullable) };
  const first = members[0];
  if (!first) throw fail("a union without members other than null has nothing to store");
  if (members.every((member) => member.type === "object" || member.type === "union")) {
    const options = members.flatMap(objectOptions);
    const [only] = options;
    return only && options.length === 1 ? { ...only, ...flags } : { ...unionOf(options, discriminator), ...flags };
  }
  if (members.some((member) => member.type !== first.type)) return jsonUnion(members, flags, fail);
  if (isScalar(first)) {
    const values = members.every((member) => member.values) ? members.flatMap((member) => member.values ?? []) : undefined;
    return { type: first.type, ...flags, ...(values ? { values } : {}) };
  }
  const shape = sameShape(first);
  if (members.some((member) => sameShape(member) !== shape)) return jsonUnion(members, flags, fail);
  return { ...first, ...flags };
}

/** Members of different types are one JSON value when JSON keeps each of them exactly. */
function jsonUnion(members: readonly FieldReading[], flags: Pick<FieldReading, "optional" | "nullable">, fail: Fail): FieldReading {
  if (!members.every(isJsonNative)) throw fail(problems.unrelatedUnion);
  return { type: "json", ...flags };
}

const JSON_SCALARS = new Set(["string", "integer", "float", "boolean", "json"]);

/** A type whose every value JSON.parse gives back as it was: no Date, bigint or bytes anywhere in it. */
function isJsonNative(type: ValueType): boolean {
  if (JSON_SCALARS.has(type.type)) return true;
  if (type.type === "array" || type.type === "record") return type.of !== undefined && isJsonNative(type.of);
  if (type.type === "object") return (type.fields ?? []).every(isJsonNative);
  if (type.type === "union") return (type.options ?? []).every(isJsonNative);
  return false;
}

/** The object types a union member stands for: itself, or a nested union's options. Null and optionality belong to the whole union. */
function objectOptions(member: FieldReading): FieldReading[] {
  const options = member.type === "union" ? (member.options ?? []) : [member];
  return options.map((option) => ({ ...option, optional: false, nullable: false }));
}

/** A key that is equal for two members of the same type and shape, whatever null each allows at its top. */
function sameShape(member: FieldReading): string {
  return JSON.stringify({ ...valueTypeOf(member), nullable: false });
}

/**
 * Reads the members of a union (or the items of a tuple). A member that is refused is reported
 * only once every member is read: a later one may find that the union holds itself, and a recursive
 * union is one JSON value whatever its members are (Zod's documented JSON schema,
 * `z.lazy(() => z.union([z.union([z.string(), z.number(), ...]), z.array(json), z.record(z.string(), json)]))`).
 */
export function readMembers<S>(members: readonly S[], read: (member: S) => FieldReading): FieldReading[] {
  let refused: ModelError | undefined;
  const readings: FieldReading[] = [];
  for (const member of members) {
    try {
      readings.push(read(member));
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      refused ??= error;
    }
  }
  if (refused) throw refused;
  return readings;
}
