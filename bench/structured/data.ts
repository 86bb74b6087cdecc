/**
 * The structured-fields benchmark's data (issue 10): customers with a nested address and an array
 * of tags, the same seeded rows for every library. The filters select known fractions of them.
 */
import { random } from "../data.js";

export type Address = { street: string; city: string; zip: string };

/** A type, not an interface, so that it passes where a record of values is expected (Drizzle). */
export type CustomerInput = {
  name: string;
  age: number;
  address: Address;
  tags: string[];
};

export const CUSTOMER_COUNT = 10_000;

const CITIES = ["Lyon", "Osaka", "Quito", "Perth", "Tromsø", "Nairobi", "Montréal", "Kraków", "São Paulo", "Ōtaki"] as const;
const STREETS = ["Rue de la République", "Main Street", "Avenida Amazonas", "Hay Street", "Storgata", "Moi Avenue", "Rue Sainte-Catherine", "ul. Floriańska"];
const TAGS = ["newsletter", "b2b", "b2c", "trial", "churn-risk", "wholesale", "retail", "referral", "beta", "support", "mobile", "desktop"];

/** What the workloads filter on. */
export const STRUCTURED_FILTERS = {
  /** fetch: `age < 43` selects 25 of 50 ages, 5,000 of 10,000 customers. */
  fetchBelowAge: 43,
  /** path condition: `address.city = "Lyon"`, 1 customer in 10. */
  city: "Lyon",
  /** membership: `tags has "vip"`, 1 customer in 500: selective enough that PostgreSQL chooses the GIN index over reading the 10,000 rows. */
  tag: "vip",
} as const;


function customer(number: number): CustomerInput {
  const next = random(number + 101);
  const tags: string[] = [];
  const count = Math.floor(next() * 5);
  for (let index = 0; index < count; index++) {
    const tag = TAGS[Math.floor(next() * TAGS.length)] as string;
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (number % 50 === 7) tags.splice(Math.floor(next() * (tags.length + 1)), 0, STRUCTURED_FILTERS.tag);
  return {
    name: `Customer ${number}`,
    age: 18 + (number % 50),
    address: {
      street: `${1 + Math.floor(next() * 200)} ${STREETS[Math.floor(next() * STREETS.length)]}`,
      city: CITIES[number % CITIES.length] as string,
      zip: String(10_000 + Math.floor(next() * 89_999)),
    },
    tags,
  };
}

/** Customers `first`, `first + 1`, ... (fresh objects every call: Ommi writes generated keys into its inputs). */
export function customers(count = CUSTOMER_COUNT, first = 0): CustomerInput[] {
  return Array.from({ length: count }, (_, offset) => customer(first + offset));
}

/** What every library must answer, computed from the data. */
export function expectedStructuredAnswers() {
  const all = customers();
  return {
    fetch: all.filter((row) => row.age < STRUCTURED_FILTERS.fetchBelowAge).length,
    city: all.filter((row) => row.address.city === STRUCTURED_FILTERS.city).length,
    tag: all.filter((row) => row.tags.includes(STRUCTURED_FILTERS.tag)).length,
  };
}
