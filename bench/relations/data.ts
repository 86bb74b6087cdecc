/**
 * The relations benchmark's data (issue 11): users, tags, posts each written by a user, and the
 * tags of each post through PostTag. The same seeded rows, with the same keys, for every library.
 */
import { random } from "../data.js";

export type UserRow = { id: number; name: string };
export type TagRow = { id: number; name: string };
export type PostRow = { id: number; title: string; authorId: number };
export type PostTagRow = { postId: number; tagId: number };

export const RELATION_COUNTS = { users: 100, tags: 20, posts: 1_000, fewPosts: 100, maxTagsPerPost: 3 } as const;

export interface RelationsData {
  readonly users: UserRow[];
  readonly tags: TagRow[];
  readonly posts: PostRow[];
  readonly postTags: PostTagRow[];
}

/** Keys 1..n in each table; each post has 0 to 3 distinct tags. */
export function relationsData(): RelationsData {
  const next = random(1111);
  const users = Array.from({ length: RELATION_COUNTS.users }, (_, index) => ({ id: index + 1, name: `User ${index + 1}` }));
  const tags = Array.from({ length: RELATION_COUNTS.tags }, (_, index) => ({ id: index + 1, name: `tag-${index + 1}` }));
  const posts: PostRow[] = [];
  const postTags: PostTagRow[] = [];
  for (let id = 1; id <= RELATION_COUNTS.posts; id++) {
    posts.push({ id, title: `Post ${id}`, authorId: 1 + Math.floor(next() * RELATION_COUNTS.users) });
    const chosen = new Set<number>();
    const count = Math.floor(next() * (RELATION_COUNTS.maxTagsPerPost + 1));
    while (chosen.size < count) chosen.add(1 + Math.floor(next() * RELATION_COUNTS.tags));
    for (const tagId of [...chosen].sort((a, b) => a - b)) postTags.push({ postId: id, tagId });
  }
  return { users, tags, posts, postTags };
}

/** What a post's relations must hold, by post key. */
const EXPECTED = (() => {
  const { posts, postTags } = relationsData();
  const byPost = new Map(posts.map((post) => [post.id, { authorId: post.authorId, tagIds: new Set<number>() }]));
  for (const link of postTags) byPost.get(link.postId)?.tagIds.add(link.tagId);
  return byPost;
})();

/** Posts with a key up to `limit` (all of them when undefined): what each workload reads. */
export function expectedAnswer(limit: number | undefined): { authors: number; links: number } {
  let authors = 0;
  let links = 0;
  for (const [id, post] of EXPECTED) {
    if (limit !== undefined && id > limit) continue;
    authors++;
    links += post.tagIds.size;
  }
  return { authors, links };
}

/**
 * Counts what a library loaded that matches the data: an author whose key is the post's
 * authorId, each tag linked to the post (once). The sum is the workload's answer, so a library
 * that loads wrong, missing, extra or duplicated rows answers differently.
 */
export class Tally {
  #matches = 0;

  /** For the posts with a key up to `limit` (all of them when undefined). */
  constructor(private readonly limit?: number) {}

  post(id: number, author: { readonly id: number } | null | undefined, tags: readonly { readonly id: number }[]): void {
    const expected = this.limit === undefined || id <= this.limit ? EXPECTED.get(id) : undefined;
    if (!expected) {
      this.#matches--;
      return;
    }
    if (author?.id === expected.authorId) this.#matches++;
    const seen = new Set<number>();
    for (const tag of tags) {
      // A duplicated or foreign tag costs a match, so that it cannot hide behind a missing one.
      this.#matches += expected.tagIds.has(tag.id) && !seen.has(tag.id) ? 1 : -1;
      seen.add(tag.id);
    }
  }

  get answer(): number {
    return this.#matches;
  }
}
