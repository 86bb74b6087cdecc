import { hashedName } from "../sql/names.js";

const BEYOND_BMP = /[\u{10000}-\u{10FFFF}]/u;

/**
 * MySQL and MariaDB keep names in utf8mb3: characters past U+FFFF (emoji, rarer CJK) cannot be
 * in a table's or a column's name, and a name cannot end with a space. Both are refused when
 * the model is first used, before the server would refuse or change the name.
 */
export function mysqlNameProblem(name: string): string | undefined {
  if (BEYOND_BMP.test(name)) return "holds a character beyond U+FFFF, which MySQL cannot keep in a name";
  if (name.endsWith(" ")) return "ends with a space, which MySQL cannot keep in a name";
  return undefined;
}

/**
 * A name Ommi derives (an index's, from a path inside a structured field whose keys may be any
 * text), as MySQL can keep it: as it is where it can, otherwise with each character past U+FFFF
 * written `_` and a hash of the whole name at the end, so that two such names stay apart.
 */
export function mysqlDerivedName(name: string): string {
  if (mysqlNameProblem(name) === undefined) return name;
  return hashedName(name, name.replaceAll(new RegExp(BEYOND_BMP, "gu"), "_"));
}
