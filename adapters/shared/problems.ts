/**
 * What to tell a user whose schema uses a feature no column can hold. Every adapter says the same
 * thing in its library's words: `text` is how that library declares a string (`z.string()`).
 */
export const problems = {
  notAnObject: (library: string, builder: string, got: string) => `a ${library} model must be a ${builder}(...), got ${got}`,
  nestedObject: (text: string) =>
    `a nested object cannot be stored in a column; make it a model of its own with a ReferenceTo, or store it as JSON text yourself (${text})`,
  collection: (kind: string, text: string) =>
    `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} cannot be stored in a column; make its items a model with a ReferenceTo, or store it as JSON text yourself (${text})`,
  unrelatedUnion: "a union of unrelated types cannot be stored in one column; split it into fields, or store it as JSON text yourself",
  unreadableTransform: (advice: string) => `a transform's output type cannot be read from the schema; ${advice}`,
  unsupportedType: (library: string, type: string, supported: string) => `${library} type "${type}" cannot be stored; use ${supported}`,
  wholeObjectTransform: (what: string, advice: string) =>
    `${what} changes the whole object, and which fields come out of it cannot be read from the schema (a field it leaves out would be lost); ${advice}`,
};
