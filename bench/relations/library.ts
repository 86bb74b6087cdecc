import type { MaybePromise } from "../library.js";
import type { Tally } from "./data.js";

/**
 * One library loading posts with their author and tags its own idiomatic way. Tables (same shape
 * for every library): User (id, name), Tag (id, name), Post (id, title, authorId → User) and
 * PostTag (postId → Post, tagId → Tag; key postId, tagId). `limit` reads the posts with a key up
 * to it; undefined reads all of them. Each load hands every post, its author and its tags to the
 * tally, which checks them against the data.
 */
export interface RelationsLibrary {
  /** Creates the tables and loads the rows (not timed). */
  setup(): Promise<void>;
  /** The posts with their author and tags, loaded eagerly by the query that reads the posts; absent where the library cannot (Drizzle on MariaDB). */
  include?(tally: Tally, limit?: number): MaybePromise<void>;
  /** The posts, then for each post in turn its author and its tags, each loaded when asked for. */
  lazy(tally: Tally, limit?: number): MaybePromise<void>;
  /** SQL statements this library has sent to its database so far. */
  readonly statements: number;
  teardown(): Promise<void>;
}
