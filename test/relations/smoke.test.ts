import { expect, it } from "vitest";
import { z } from "zod";
import { Auto, Key, ModelCollection, model, Ommi, ReferenceTo, relations, when } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

it("smoke", async () => {
  const collection = new ModelCollection();
  const UserModel = model(z.object({ id: z.number().int().optional(), name: z.string() }), { name: "User", collection, fields: { id: [Key, Auto] } });
  const PostModel = model(z.object({ id: z.number().int().optional(), title: z.string(), authorId: z.number().int(), editorId: z.number().int().nullable().default(null) }), {
    name: "Post", collection, fields: { authorId: ReferenceTo(UserModel.id), editorId: ReferenceTo(UserModel.id) } });
  const TagModel = model(z.object({ id: z.number().int().optional(), label: z.string() }), { name: "Tag", collection });
  const PostTag = model(z.object({ postId: z.number().int(), tagId: z.number().int() }), { name: "PostTag", collection, fields: { postId: [Key, ReferenceTo(PostModel.id)], tagId: [Key, ReferenceTo(TagModel.id)] } });
  const { User, Post, Tag } = relations({ User: UserModel, Post: PostModel, Tag: TagModel, PostTag }, ({ one, many }) => ({
    User: { posts: many(PostModel, { by: PostModel.authorId }) },
    Post: { author: one(UserModel, { by: PostModel.authorId }), editor: one(UserModel, { by: PostModel.editorId }), tags: many(TagModel, { through: PostTag }) },
    Tag: { posts: many(PostModel, { through: PostTag }) },
  }));
  const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
  await db.schema(collection).createModels().raiseOnErrors();
  const [ann, bob] = await db.add(User, { name: "Ann" }, { name: "Bob" }).value;
  const posts = await db.add(Post, { title: "a", authorId: ann!.id! }, { title: "b", authorId: ann!.id!, editorId: bob!.id! }, { title: "c", authorId: bob!.id! }).value;
  const tags = await db.add(Tag, { label: "x" }, { label: "y" }).value;
  await db.add(PostTag, { postId: posts[0]!.id!, tagId: tags[0]!.id! }, { postId: posts[0]!.id!, tagId: tags[1]!.id! }, { postId: posts[1]!.id!, tagId: tags[1]!.id! }).raiseOnErrors();
  const first = posts[0]!;
  const author = await first.author;
  expect(author.name).toBe("Ann");
  expect(await first.editor).toBeNull();
  expect((await first.tags).map((t) => t.label)).toEqual(["x", "y"]);
  expect(JSON.parse(JSON.stringify(first))).toEqual({ id: first.id, title: "a", authorId: ann!.id, editorId: null });
  const annPosts = await (await first.author).posts;
  expect(annPosts.map((p) => p.title)).toEqual(["a", "b"]);
  const included = await db.find(when(Post).sort(Post.id.asc())).include({ author: true, tags: { posts: true } }).all().value;
  expect(included.map((p) => p.author.name)).toEqual(["Ann", "Ann", "Bob"]);
  expect(included[0]!.tags.map((t) => t.posts.map((p) => p.title))).toEqual([["a"], ["a", "b"]]);
  const tag = (await db.find(Tag.label.eq("y")).one().value);
  expect((await tag.posts).map((p) => p.title)).toEqual(["a", "b"]);
  expect(await db.find(when(Tag, Post.title.eq("b"))).count().value).toBe(1);
  await db.close();
});
