import type { Workload } from "../workloads.js";
import { expectedAnswer, RELATION_COUNTS, Tally } from "./data.js";
import type { RelationsLibrary } from "./library.js";

export type RelationsWorkloadId = "include" | "include-100" | "lazy" | "lazy-100";

type RelationsWorkload = Workload<RelationsLibrary, RelationsWorkloadId>;

const count = (value: number) => value.toLocaleString("en");

/** A load of the posts with a key up to `limit` (all when undefined), answering what the tally matched and how many statements it took. */
function load(
  id: RelationsWorkloadId,
  limit: number | undefined,
  how: string,
  run: (library: RelationsLibrary, tally: Tally) => unknown,
  supports = (_library: RelationsLibrary) => true,
): RelationsWorkload {
  const { authors, links } = expectedAnswer(limit);
  return {
    id,
    name: `${how}: ${count(authors)} posts, their authors and ${count(links)} tag links`,
    kind: "query",
    expected: authors + links,
    supports,
    prepare: (library) =>
      Promise.resolve(async () => {
        const tally = new Tally(limit);
        const before = library.statements;
        await run(library, tally);
        return { answer: tally.answer, statements: library.statements - before };
      }),
  };
}

const canInclude = (library: RelationsLibrary) => library.include !== undefined;

/**
 * The relations workloads (issue 11), in the order they are run and reported. The 100-post
 * loads show what grows with the number of posts: include's statements do not, lazy's do.
 */
export const relationsWorkloads: readonly RelationsWorkload[] = [
  load("include", undefined, "include", (library, tally) => library.include?.(tally), canInclude),
  load("include-100", RELATION_COUNTS.fewPosts, "include", (library, tally) => library.include?.(tally, RELATION_COUNTS.fewPosts), canInclude),
  load("lazy", undefined, "lazy, one post at a time", (library, tally) => library.lazy(tally)),
  load("lazy-100", RELATION_COUNTS.fewPosts, "lazy, one post at a time", (library, tally) => library.lazy(tally, RELATION_COUNTS.fewPosts)),
];
