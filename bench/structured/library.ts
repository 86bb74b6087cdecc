import type { MaybePromise } from "../library.js";
import type { CustomerInput } from "./data.js";

/**
 * One library doing the structured-fields workloads its own idiomatic way. Tables (same shape for
 * every library): Customer and CustomerInsert (id, name, age, address { street, city, zip }, tags
 * string[]); on PostgreSQL also CustomerTagged, the Customer rows with a GIN index for `tags`.
 * Every query returns its rows decoded (address and tags as objects and arrays), and answers how many.
 */
export interface StructuredLibrary {
  /** Creates the tables and loads the customers (not timed). */
  setup(): Promise<void>;
  /** Stores the rows in CustomerInsert in one call or one transaction. */
  insert(rows: CustomerInput[]): MaybePromise<unknown>;
  clearInserted(): MaybePromise<unknown>;
  /** Customers with `age < STRUCTURED_FILTERS.fetchBelowAge` (5,000 rows, each decoded). */
  fetch(): MaybePromise<number>;
  /** Customers whose `address.city` is `STRUCTURED_FILTERS.city`. */
  byCity(): MaybePromise<number>;
  /** Customers whose `tags` hold `STRUCTURED_FILTERS.tag`, without an index. */
  withTag(): MaybePromise<number>;
  /** The same on CustomerTagged, whose `tags` have a GIN index (PostgreSQL only). */
  withTagIndexed?(): MaybePromise<number>;
  teardown(): Promise<void>;
}
