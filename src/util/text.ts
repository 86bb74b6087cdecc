import { quote } from "./quote.js";

/**
 * Why a string cannot be stored or compared exactly, or `undefined` when it can (and for
 * anything that is not a string). A lone UTF-16 surrogate has no UTF-8 encoding: databases
 * would silently store U+FFFD instead, each in its own way.
 */
export function malformedText(value: unknown): string | undefined {
  if (typeof value !== "string" || value.isWellFormed()) return undefined;
  const at = loneSurrogateAt(value);
  const unit = value.charCodeAt(at).toString(16).toUpperCase();
  return `contains a lone surrogate (\\u${unit}) at position ${at} of ${quote(value)}; only well-formed Unicode text can be stored exactly (String.prototype.toWellFormed() replaces it with U+FFFD, if that is what you want)`;
}

function loneSurrogateAt(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
      else return index;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return index;
  }
  return -1;
}
