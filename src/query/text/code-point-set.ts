/**
 * A set of Unicode code points as sorted, disjoint, non-adjacent inclusive ranges. Every class of
 * the regex dialect (a literal, `.`, `[a-z]`, `\d`, a case-folding group) becomes one of these,
 * so that each database is given the same explicit set and no engine's own idea of a class leaks
 * in. Surrogates (U+D800–U+DFFF) are never members: no stored text can contain one.
 */
export type CodePointSet = readonly (readonly [number, number])[];

export const MAX_CODE_POINT = 0x10ffff;
const SURROGATES: readonly [number, number] = [0xd800, 0xdfff];

/** Every character: what `.` matches. */
export const ANY_CHARACTER: CodePointSet = [
  [0, SURROGATES[0] - 1],
  [SURROGATES[1] + 1, MAX_CODE_POINT],
];

export function single(codePoint: number): CodePointSet {
  return normalize([[codePoint, codePoint]]);
}

/** Sorts, merges and removes surrogates: the one form every set is kept in. */
export function normalize(ranges: Iterable<readonly [number, number]>): CodePointSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const result: [number, number][] = [];
  for (const [from, to] of merged) {
    if (to < SURROGATES[0] || from > SURROGATES[1]) result.push([from, to]);
    else {
      if (from < SURROGATES[0]) result.push([from, SURROGATES[0] - 1]);
      if (to > SURROGATES[1]) result.push([SURROGATES[1] + 1, to]);
    }
  }
  return result;
}

export function union(...sets: readonly CodePointSet[]): CodePointSet {
  return normalize(sets.flat());
}

/** Every character not in `set`. */
export function complement(set: CodePointSet): CodePointSet {
  const result: [number, number][] = [];
  let next = 0;
  for (const [from, to] of set) {
    if (from > next) result.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX_CODE_POINT) result.push([next, MAX_CODE_POINT]);
  return normalize(result);
}

export function isEmpty(set: CodePointSet): boolean {
  return set.length === 0;
}

export function isAnyCharacter(set: CodePointSet): boolean {
  return set.length === ANY_CHARACTER.length && set.every(([from, to], index) => from === ANY_CHARACTER[index]?.[0] && to === ANY_CHARACTER[index]?.[1]);
}

/** The one code point of a set of one, or undefined. */
export function onlyMember(set: CodePointSet): number | undefined {
  const [first] = set;
  return set.length === 1 && first && first[0] === first[1] ? first[0] : undefined;
}
