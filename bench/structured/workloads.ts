import type { Workload } from "../workloads.js";
import { CUSTOMER_COUNT, customers, expectedStructuredAnswers, STRUCTURED_FILTERS } from "./data.js";
import type { StructuredLibrary } from "./library.js";

export type StructuredWorkloadId = "structured-insert" | "structured-fetch" | "path" | "has" | "has-gin";

type StructuredWorkload = Workload<StructuredLibrary, StructuredWorkloadId>;

const expected = expectedStructuredAnswers();
const count = (value: number) => value.toLocaleString("en");

function query(id: StructuredWorkloadId, name: string, answer: number, call: (library: StructuredLibrary) => unknown, supports = (_library: StructuredLibrary) => true): StructuredWorkload {
  return {
    id,
    name,
    kind: "query",
    expected: answer,
    supports,
    prepare: (library) => Promise.resolve(async () => ({ answer: Number(await call(library)) })),
  };
}

const insert: StructuredWorkload = {
  id: "structured-insert",
  name: `insert ${count(CUSTOMER_COUNT)} rows with an address object and a tags array`,
  kind: "query",
  supports: () => true,
  async prepare(library) {
    await library.clearInserted();
    const rows = customers();
    return async () => {
      await library.insert(rows);
      return { answer: rows.length };
    };
  },
};

/** The structured-fields workloads, in the order they are run and reported. */
export const structuredWorkloads: readonly StructuredWorkload[] = [
  insert,
  query("structured-fetch", `fetch ${count(expected.fetch)} of ${count(CUSTOMER_COUNT)} rows (objects and arrays decoded)`, expected.fetch, (library) => library.fetch()),
  query("path", `path condition: address.city = "${STRUCTURED_FILTERS.city}" (${count(expected.city)} rows)`, expected.city, (library) => library.byCity()),
  query("has", `array membership: tags has "${STRUCTURED_FILTERS.tag}" (${count(expected.tag)} rows), no index`, expected.tag, (library) => library.withTag()),
  query(
    "has-gin",
    `array membership: tags has "${STRUCTURED_FILTERS.tag}" (${count(expected.tag)} rows), GIN index`,
    expected.tag,
    (library) => library.withTagIndexed?.(),
    (library) => library.withTagIndexed !== undefined,
  ),
];
