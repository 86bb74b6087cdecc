/**
 * The LIKE family (`contains`, `startsWith`, `endsWith`, `like`, `ilike`): a pattern is a list of
 * tokens — literal text, "any run of characters", "one character" — parsed from a LIKE pattern or
 * built from the literal text of contains/startsWith/endsWith. Drivers write the tokens in
 * whatever syntax their database matches with; the tokens decide the meaning.
 */
export type PatternToken = { readonly kind: "text"; readonly text: string } | { readonly kind: "any" } | { readonly kind: "one" };

/** Operators whose value is literal text or a LIKE pattern. */
export type LikeOperator = "contains" | "startsWith" | "endsWith" | "like" | "ilike";

/** Every text-matching operator: the LIKE family and `regex`. */
export type TextOperator = LikeOperator | "regex";

const ANY: PatternToken = Object.freeze({ kind: "any" });
const ONE: PatternToken = Object.freeze({ kind: "one" });

/** A LIKE pattern: `%` any run, `_` one character (code point), `\` makes the next character literal. */
export function parseLike(pattern: string): PatternToken[] {
  const tokens: PatternToken[] = [];
  let text = "";
  const flush = () => {
    if (text) tokens.push({ kind: "text", text });
    text = "";
  };
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index] as string;
    if (character === "\\" && index + 1 < pattern.length) {
      // The escaped character may be a surrogate pair: take the whole code point.
      const escaped = String.fromCodePoint(pattern.codePointAt(index + 1) as number);
      text += escaped;
      index += escaped.length;
    } else if (character === "%" || character === "_") {
      flush();
      tokens.push(character === "%" ? ANY : ONE);
    } else text += character;
  }
  flush();
  return tokens;
}

/** The tokens an operator's value stands for. */
export function tokensFor(operator: LikeOperator, value: string): PatternToken[] {
  const literal: PatternToken[] = value ? [{ kind: "text", text: value }] : [];
  switch (operator) {
    case "contains":
      return [ANY, ...literal, ANY];
    case "startsWith":
      return [...literal, ANY];
    case "endsWith":
      return [ANY, ...literal];
    case "like":
    case "ilike":
      return parseLike(value);
  }
}
