/**
 * What to tell a user whose schema uses a feature Ommi cannot store. Every adapter says the same
 * thing in its library's words (`z.array(...)`, `v.array(...)`).
 */
export const problems = {
  notAnObject: (library: string, builder: string, got: string) => `a ${library} model must be a ${builder}(...), got ${got}`,
  unrelatedUnion:
    "a union of unrelated types cannot be stored as one type when a date, a bigint or binary data is among them (JSON would not say which type a value was); split it into fields, or keep such values in a member of their own type",
  /** A value with no JSON form (a Set, a Map, a File): `advice` names the library's type that holds the same data. */
  noJsonForm: (what: string, advice: string) => `${what} has no JSON form, so it cannot be stored exactly; ${advice}`,
  /** A schema that validates values without saying what they are (a refinement-only custom schema). */
  unknownContent: (what: string, storedAs: string) => `${what} does not say what it holds; name the stored type: ${storedAs}`,
  /** A schema that checks for a class Ommi knows no stored form of. */
  classInstance: (what: string, storedAs: string) => `${what} holds instances of a class that Ommi has no stored form for; name the stored type: ${storedAs}`,
  /** How to name a field's stored type, for messages about the field `field` (see `Stored`). */
  storedAdvice: (field: string, type = "binary") =>
    type === "binary" ? `fields: { ${field}: Stored.binary } (or Stored.json, Stored.string …)` : `fields: { ${field}: Stored.${type} }`,
  /** How to name the stored type of a part of a field (a key, an item), where a marker cannot reach: the whole field's, as JSON. */
  storedWhole: (field: string) => `fields: { ${field}: Stored.json } (a marker names the type of a whole field, which is then stored as one JSON value)`,
  intersection: (merged: string) => `an intersection's keys cannot be read as one object's; merge the objects into one instead (${merged})`,
  nonStringKeys: (what: string) => `a record's keys are strings in JSON, and ${what} keys would come back as strings; key it by a string (or an enum of strings)`,
  tooDeep: (depth: number, storedAs: string) =>
    `its type nests deeper than ${depth} levels (a schema that builds a new schema at every level cannot be read to its end); store it as a JSON value: ${storedAs}`,
  unreadableTransform: (advice: string) => `a transform's output type cannot be read from the schema; ${advice}`,
  unsupportedType: (library: string, type: string, supported: string) => `${library} type "${type}" cannot be stored; use ${supported}`,
  wholeObjectTransform: (what: string, advice: string) =>
    `${what} changes the whole object, and which fields come out of it cannot be read from the schema (a field it leaves out would be lost); ${advice}`,
};
