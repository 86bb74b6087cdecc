/**
 * Text matching, decided once for every database: a pattern is a list of tokens (literal
 * text, "any run of characters", "one character"), parsed from a LIKE pattern or built from
 * the literal text of contains/startsWith/endsWith, then written in whatever syntax a database
 * matches with (LIKE with an escape character, SQLite's case-sensitive GLOB, a RegExp).
 */
export type PatternToken = { readonly kind: "text"; readonly text: string } | { readonly kind: "any" } | { readonly kind: "one" };

export type TextOperator = "contains" | "startsWith" | "endsWith" | "like" | "ilike";

const ANY: PatternToken = { kind: "any" };
const ONE: PatternToken = { kind: "one" };

/** A LIKE pattern: `%` any run, `_` one character, `\` makes the next character literal. */
export function parseLike(pattern: string): PatternToken[] {
  const tokens: PatternToken[] = [];
  let text = "";
  const flush = () => {
    if (text) tokens.push({ kind: "text", text });
    text = "";
  };
  const characters = [...pattern];
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] as string;
    if (character === "\\" && index + 1 < characters.length) text += characters[++index];
    else if (character === "%" || character === "_") {
      flush();
      tokens.push(character === "%" ? ANY : ONE);
    } else text += character;
  }
  flush();
  return tokens;
}

/** The tokens an operator's value stands for. */
export function tokensFor(operator: TextOperator, value: string): PatternToken[] {
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

/** LIKE syntax with `\` as the escape character (say `ESCAPE '\'` beside it). */
export function toLike(tokens: readonly PatternToken[]): string {
  return tokens.map((token) => (token.kind === "any" ? "%" : token.kind === "one" ? "_" : token.text.replace(/[\\%_]/g, "\\$&"))).join("");
}

/** SQLite GLOB syntax: case-sensitive; `*`, `?` and `[` are made literal by bracketing them. */
export function toGlob(tokens: readonly PatternToken[]): string {
  return tokens.map((token) => (token.kind === "any" ? "*" : token.kind === "one" ? "?" : token.text.replace(/[*?[]/g, "[$&]"))).join("");
}

/** An anchored RegExp source that matches what the tokens match. */
export function toRegExpSource(tokens: readonly PatternToken[]): string {
  const body = tokens.map((token) => (token.kind === "any" ? "[\\s\\S]*" : token.kind === "one" ? "[\\s\\S]" : token.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
  return `^${body}$`;
}
