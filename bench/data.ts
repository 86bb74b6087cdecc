/**
 * The benchmark's data: the same rows for every library, from a seeded generator, so every run
 * and every library sees identical tables. The filters below select known fractions of them.
 */
/** A type, not an interface, so that it passes where a record of values is expected (Drizzle's placeholders). */
export type UserInput = {
  name: string;
  age: number;
  email: string;
  active: boolean;
  score: number;
};

export interface AuthorInput {
  name: string;
  country: string;
}

export interface BookInput {
  title: string;
  authorId: number;
  year: number;
}

export const USER_COUNT = 10_000;
export const AUTHOR_COUNT = 100;
export const BOOK_COUNT = 10_000;
export const LOOKUP_COUNT = 2_000;

const COUNTRIES = ["NZ", "FR", "JP", "BR", "CA", "DE", "IN", "KE", "MX", "NO"] as const;
const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "an", "el", "is", "on", "ul"];

/** What each workload filters on; `age` cycles through 18..67, each value on 1 row in 50. */
export const FILTERS = {
  /** fetch: `age < 43` selects 25 of 50 ages, 5,000 of 10,000 users. */
  fetchBelowAge: 43,
  /** count: `age >= 30 AND active`. */
  countFromAge: 30,
  /** update: `age < 23` changes 5 of 50 ages, 1,000 users. */
  updateBelowAge: 23,
  /** cross-model: books whose author lives here (1 author in 10). */
  authorCountry: "NZ",
} as const;

/** mulberry32: small, fast, and the same sequence everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function word(next: () => number, syllables: number): string {
  let text = "";
  for (let index = 0; index < syllables; index++) text += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return text;
}

/** Users number `first`, `first + 1`, ...; the same number always gives the same user. */
export function users(count: number, first = 0): UserInput[] {
  const rows = new Array<UserInput>(count);
  for (let offset = 0; offset < count; offset++) rows[offset] = user(first + offset);
  return rows;
}

function user(number: number): UserInput {
  const next = random(number + 1);
  const name = word(next, 3);
  return {
    name: name[0]?.toUpperCase() + name.slice(1),
    age: 18 + (number % 50),
    email: `${name}.${number}@example.com`,
    active: next() < 0.5,
    score: Math.round(next() * 10_000) / 100,
  };
}

/** `total` users in batches of `size` (fresh objects each time: Ommi and TypeORM write keys back into them). */
export function* userBatches(total: number, size: number): Generator<UserInput[]> {
  for (let first = 0; first < total; first += size) yield users(Math.min(size, total - first), first);
}

export function authors(): AuthorInput[] {
  const next = random(7);
  return Array.from({ length: AUTHOR_COUNT }, (_, index) => ({ name: word(next, 4), country: COUNTRIES[index % COUNTRIES.length] as string }));
}

/** Book `i` is by author `i % 100 + 1` (authors get keys 1..100 in insertion order). */
export function books(): BookInput[] {
  const next = random(11);
  return Array.from({ length: BOOK_COUNT }, (_, index) => ({
    title: word(next, 5),
    authorId: (index % AUTHOR_COUNT) + 1,
    year: 1950 + Math.floor(next() * 75),
  }));
}

/** Distinct user keys in a scattered order (users get keys 1..10,000 in insertion order). */
export function lookupIds(): number[] {
  return Array.from({ length: LOOKUP_COUNT }, (_, index) => ((index * 7919) % USER_COUNT) + 1);
}

/** What every library must answer, computed from the data itself. */
export function expectedAnswers() {
  const all = users(USER_COUNT);
  const authorRows = authors();
  const bookRows = books();
  return {
    fetchFiltered: all.filter((row) => row.age < FILTERS.fetchBelowAge).length,
    lookup: LOOKUP_COUNT,
    count: all.filter((row) => row.age >= FILTERS.countFromAge && row.active).length,
    update: all.filter((row) => row.age < FILTERS.updateBelowAge).length,
    crossModel: bookRows.filter((book) => authorRows[book.authorId - 1]?.country === FILTERS.authorCountry).length,
  };
}
