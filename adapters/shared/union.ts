import type { Fail, FieldReading } from "./field-reading.js";
import { problems } from "./problems.js";

/**
 * A union fits one column when its members other than null share a base type: `X | null`, or
 * literals of one type. `members` are the readings of the non-null members.
 */
export function readUnion(members: readonly FieldReading[], includesNull: boolean, fail: Fail): FieldReading {
  const first = members[0];
  if (!first || members.some((member) => member.type !== first.type)) throw fail(problems.unrelatedUnion);
  const values = members.every((member) => member.values) ? members.flatMap((member) => member.values ?? []) : undefined;
  return {
    type: first.type,
    optional: members.some((member) => member.optional),
    nullable: includesNull || members.some((member) => member.nullable),
    ...(values ? { values } : {}),
  };
}
