import type { ConditionDescription, QueryDescription, SortDescription } from "./description.js";
import type { Dataset, ItemRow, OwnerRow } from "./models.js";

/**
 * DESIGN §4 in plain JavaScript, written independently of the drivers and the shared SQL
 * compiler, so that a mistake they share still shows: comparisons with null are false; `not`
 * is the complement; strings order by code point; nulls first ascending, last descending;
 * like `%`/`_` with `\` escaping; ilike folds case as JavaScript's `iu` RegExp flags do;
 * regex is a JavaScript RegExp search in which `.` matches any character (`s` flag).
 */
export function evaluate(dataset: Dataset, query: QueryDescription): ItemRow[] {
  const owners = new Map(dataset.owners.map((owner) => [owner.id, owner]));
  const matches = (item: ItemRow) => (query.where ? holds(query.where, item, owners) : true);
  const rows = dataset.items.filter(matches);
  if (!query.sort) return rows.sort((a, b) => a.id - b.id);
  const order = [...query.sort, { field: "id", direction: "asc" } as const];
  rows.sort((a, b) => compareBy(order, a, b));
  return query.window ? rows.slice(query.window.offset, query.window.offset + query.window.limit) : rows;
}

function holds(node: ConditionDescription, item: ItemRow, owners: ReadonlyMap<number, OwnerRow>): boolean {
  switch (node.kind) {
    case "and":
      return node.items.every((part) => holds(part, item, owners));
    case "or":
      return node.items.some((part) => holds(part, item, owners));
    case "not":
      return !holds(node.item, item, owners);
    case "compare": {
      if (node.model === "item") return compares(item[node.field], node.operator, node.value);
      // A condition on the owner: some owner row is the item's, and matches.
      const owner = item.owner === null ? undefined : owners.get(item.owner);
      return owner !== undefined && compares(owner.label, node.operator, node.value);
    }
  }
}

function compares(stored: unknown, operator: string, value: unknown): boolean {
  if (operator === "isNull" || ((operator === "eq") && value === null)) return stored === null;
  if (operator === "isNotNull" || (operator === "ne" && value === null)) return stored !== null;
  if (stored === null) return false;
  const order = (other: unknown) => compareValues(stored, other);
  switch (operator) {
    case "eq": return order(value) === 0;
    case "ne": return order(value) !== 0;
    case "gt": return order(value) > 0;
    case "gte": return order(value) >= 0;
    case "lt": return order(value) < 0;
    case "lte": return order(value) <= 0;
    case "in": return (value as unknown[]).some((item) => order(item) === 0);
    case "notIn": return (value as unknown[]).every((item) => order(item) !== 0);
  }
  const text = stored as string;
  const pattern = value as string;
  switch (operator) {
    case "contains": return text.includes(pattern);
    case "startsWith": return text.startsWith(pattern);
    case "endsWith": return text.endsWith(pattern);
    case "like": return likeRegExp(pattern, "u").test(text);
    case "ilike": return likeRegExp(pattern, "iu").test(text);
    case "regex": return new RegExp(pattern, "su").test(text);
  }
  throw new Error(`the reference knows no operator ${operator}`);
}

/** `%` any run, `_` one character, `\` makes the next character literal (a trailing `\` is itself). */
function likeRegExp(pattern: string, flags: string): RegExp {
  const characters = [...pattern];
  let source = "";
  for (let index = 0; index < characters.length; index++) {
    let character = characters[index] as string;
    if (character === "%") source += "[\\s\\S]*";
    else if (character === "_") source += "[\\s\\S]";
    else {
      if (character === "\\" && index + 1 < characters.length) character = characters[++index] as string;
      source += character.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`, flags);
}

function compareBy(order: readonly SortDescription[], a: ItemRow, b: ItemRow): number {
  for (const { field, direction } of order) {
    const x = a[field];
    const y = b[field];
    if (x === null && y === null) continue;
    // Nulls first ascending, last descending: null is below every value.
    const sign = x === null ? -1 : y === null ? 1 : compareValues(x, y);
    if (sign !== 0) return direction === "asc" ? sign : -sign;
  }
  return 0;
}

/** Strings by code point (= UTF-8 byte order; JavaScript's `<` compares UTF-16 units), the rest by value. */
function compareValues(x: unknown, y: unknown): number {
  if (typeof x === "string") return Buffer.compare(Buffer.from(x), Buffer.from(y as string));
  if (x instanceof Date) return Math.sign(x.getTime() - (y as Date).getTime());
  if (typeof x === "bigint" || typeof y === "bigint") {
    const [a, b] = [BigInt(x as bigint), BigInt(y as bigint)];
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const [a, b] = [Number(x), Number(y)];
  return a < b ? -1 : a > b ? 1 : 0;
}
