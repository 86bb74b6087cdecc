import type { PatternToken } from "../../src/kit/driver.js";

/**
 * LIKE tokens in SQLite's GLOB syntax (case-sensitive; `*` any run, `?` one character), and
 * back: `*`, `?` and `[` in literal text are made literal by bracketing them. GLOB is SQLite's
 * fast matcher, used for `like` on text without U+0000 (see text-match.ts); the same GLOB text
 * reaches Ommi's own matcher otherwise, so the statement binds one value either way.
 */
export function toGlob(tokens: readonly PatternToken[]): string {
  return tokens.map((token) => (token.kind === "any" ? "*" : token.kind === "one" ? "?" : token.text.replace(/[*?[]/g, "[$&]"))).join("");
}

/** The LIKE pattern a `toGlob` text stands for (the inverse of toGlob, for what toGlob writes). */
export function globToLike(glob: string): string {
  let like = "";
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index] as string;
    if (character === "*") like += "%";
    else if (character === "?") like += "_";
    else if (character === "[" && glob[index + 2] === "]") {
      like += glob[index + 1] as string; // `[*]`, `[?]` or `[[]`: never a LIKE wildcard
      index += 2;
    } else like += character === "%" || character === "_" || character === "\\" ? `\\${character}` : character;
  }
  return like;
}
