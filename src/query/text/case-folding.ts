import { normalize, single, type CodePointSet } from "./code-point-set.js";

/**
 * Case-insensitive matching (`ilike`) as Ommi defines it on every driver: Unicode simple case
 * folding, what JavaScript's `iu` RegExp flags do. Each letter becomes the set of every character
 * that folds like it (`k` → k, K and the Kelvin sign K), so case-insensitive matching is written
 * as a case-sensitive pattern: no database's collation or locale takes part (PostgreSQL's ILIKE
 * under `COLLATE "C"` folds ASCII letters only).
 */

/** The last code point with a case mapping in Unicode 15 is in Adlam (U+1E943); a margin costs little. */
const LAST_CASED = 0x1ffff;

let groups: ReadonlyMap<number, CodePointSet> | undefined;

/** The characters that match `codePoint` when case is ignored: itself and all its case variants. */
export function caseVariants(codePoint: number): CodePointSet {
  return (groups ??= buildGroups()).get(codePoint) ?? single(codePoint);
}

function buildGroups(): ReadonlyMap<number, CodePointSet> {
  const members = new Map<number, Set<number>>();
  const join = (a: number, b: number) => {
    const first = members.get(a) ?? new Set([a]);
    const second = members.get(b) ?? new Set([b]);
    if (first === second) return;
    for (const member of second) first.add(member);
    for (const member of first) members.set(member, first);
  };
  for (let codePoint = 0; codePoint <= LAST_CASED; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    const character = String.fromCodePoint(codePoint);
    const candidates = [character.toLowerCase(), character.toUpperCase()].filter((other) => other !== character && [...other].length === 1);
    if (candidates.length === 0) continue;
    // toLowerCase/toUpperCase are not case folding (`ı`.toUpperCase() is `I`, which does not fold to `ı`): ask the RegExp engine.
    const sameLetter = new RegExp(`^${escapeForRegExp(character)}$`, "iu");
    for (const other of candidates) if (sameLetter.test(other)) join(codePoint, other.codePointAt(0) as number);
  }
  const result = new Map<number, CodePointSet>();
  for (const [codePoint, group] of members) result.set(codePoint, normalize([...group].map((member): [number, number] => [member, member])));
  return result;
}

function escapeForRegExp(character: string): string {
  return character.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
