/**
 * The declared fields of a value that are present, as a new plain record. What gets stored never
 * carries properties the model does not declare, whatever the library lets through.
 */
export function pickFields(
  names: readonly string[],
  source: object,
  isPresent: (value: unknown) => boolean = (value) => value !== undefined,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const name of names) {
    const value = (source as Record<string, unknown>)[name];
    if (isPresent(value)) record[name] = value;
  }
  return record;
}
