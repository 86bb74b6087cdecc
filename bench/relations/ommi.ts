import { z } from "zod";
import { Index, Key, model, ModelCollection, Ommi, ReferenceTo, relations, type Driver } from "ommi";
import type { LibraryFactory, Target } from "../library.js";
import { connectOmmi, ommi } from "../libraries/ommi.js";
import { relationsData } from "./data.js";
import type { RelationsLibrary } from "./library.js";
import { RELATIONS_VACUUM, runInSchema } from "./schema.js";

/** The models as an application declares them: Zod schemas, references, and the relations between them. */
const collection = new ModelCollection();
const id = z.number().int();
const UserModel = model(z.object({ id, name: z.string() }), { name: "User", collection });
const TagModel = model(z.object({ id, name: z.string() }), { name: "Tag", collection });
const PostModel = model(z.object({ id, title: z.string(), authorId: id }), {
  name: "Post",
  collection,
  fields: { authorId: [ReferenceTo(UserModel.id), Index] },
});
const PostTag = model(z.object({ postId: id, tagId: id }), {
  name: "PostTag",
  collection,
  fields: { postId: [Key, ReferenceTo(PostModel.id)], tagId: [Key, ReferenceTo(TagModel.id), Index] },
});

const { User, Tag, Post } = relations({ User: UserModel, Tag: TagModel, Post: PostModel, PostTag }, ({ one, many }) => ({
  Post: { author: one(UserModel, { by: PostModel.authorId }), tags: many(TagModel, { through: PostTag }) },
}));

/** The Driver operations that each send one statement (SQLite and PostgreSQL drivers alike). */
const COUNTED = ["add", "fetch", "count", "update", "delete"] as const;

/**
 * Counts the statements Ommi sends by wrapping the driver's operations, on the Driver object
 * itself (`db.driver`): everything Ommi runs outside a transaction goes through them.
 */
function countStatements(driver: Driver): { readonly count: number } {
  const counter = { count: 0 };
  const operations = driver as unknown as Record<(typeof COUNTED)[number], (...args: unknown[]) => Promise<unknown>>;
  for (const name of COUNTED) {
    const operation = operations[name].bind(driver);
    operations[name] = (...args) => {
      counter.count++;
      return operation(...args);
    };
  }
  return counter;
}

function ommiRelationsLibrary(db: Ommi, target: Target): RelationsLibrary {
  const counter = countStatements(db.driver);
  const posts = (limit: number | undefined) => (limit === undefined ? db.find(Post) : db.find(Post.id.lte(limit)));
  return {
    async setup() {
      await db.schema(collection).createModels().raiseOnErrors();
      const data = relationsData();
      await db.add(User, data.users).raiseOnErrors();
      await db.add(Tag, data.tags).raiseOnErrors();
      await db.add(Post, data.posts).raiseOnErrors();
      await db.add(PostTag, data.postTags).raiseOnErrors();
      if (target.kind === "postgres") await runInSchema(target.url, target.schema, [RELATIONS_VACUUM]);
    },
    async include(tally, limit) {
      for (const post of await posts(limit).include({ author: true, tags: true }).all().value) tally.post(post.id, post.author, post.tags);
    },
    async lazy(tally, limit) {
      for (const post of await posts(limit).all().value) {
        const author = await post.author;
        tally.post(post.id, author, await post.tags);
      }
    },
    get statements() {
      return counter.count;
    },
    async teardown() {
      await db.schema(collection).deleteModels().raiseOnErrors();
      await db.close();
    },
  };
}

export const ommiRelations: LibraryFactory<RelationsLibrary> = {
  name: "Ommi",
  unavailable: (target) => ommi.unavailable?.(target) ?? Promise.resolve(undefined),
  open: async (target) => ommiRelationsLibrary(new Ommi(await connectOmmi(target)), target),
};
