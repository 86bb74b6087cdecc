/**
 * Relations: a small blog with users, posts, tags (many-to-many, through PostTag) and comments,
 * on an in-memory SQLite database. Shows relations loaded lazily (`await post.author`), cached
 * and refreshed, loaded eagerly with `include`, and a filter through the association model.
 * Run it with `npx tsx examples/blog.ts` (nothing to set up).
 */
import { z } from "zod";
import { Key, ModelCollection, Ommi, ReferenceTo, model, relations, when } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

const blog = new ModelCollection();

// The models, with the references between them (foreign keys), as always.
const UserModel = model(z.object({ id: z.number().int().optional(), name: z.string().min(1) }), { name: "User", collection: blog });
const PostModel = model(
  z.object({ id: z.number().int().optional(), title: z.string().min(1), authorId: z.number().int(), editorId: z.number().int().nullable().default(null) }),
  { name: "Post", collection: blog, fields: { authorId: ReferenceTo(UserModel.id), editorId: ReferenceTo(UserModel.id) } },
);
const TagModel = model(z.object({ id: z.number().int().optional(), label: z.string().min(1) }), { name: "Tag", collection: blog });
// The association model: one row per tag on a post.
const PostTag = model(z.object({ postId: z.number().int(), tagId: z.number().int() }), {
  name: "PostTag",
  collection: blog,
  fields: { postId: [Key, ReferenceTo(PostModel.id)], tagId: [Key, ReferenceTo(TagModel.id)] },
});
const CommentModel = model(z.object({ id: z.number().int().optional(), body: z.string().min(1), postId: z.number().int(), authorId: z.number().int() }), {
  name: "Comment",
  collection: blog,
  fields: { postId: ReferenceTo(PostModel.id), authorId: ReferenceTo(UserModel.id) },
});

// The relations, declared once for the whole set. What comes back are the same models, typed
// with their relations. `by` names the reference to follow where there is more than one
// (a post refers to users twice: its author and its editor).
const { User, Post, Tag, Comment } = relations(
  { User: UserModel, Post: PostModel, Tag: TagModel, PostTag, Comment: CommentModel },
  ({ one, many }) => ({
    User: { posts: many(PostModel, { by: PostModel.authorId }) },
    Post: {
      author: one(UserModel, { by: PostModel.authorId }), // authorId is required: typed User
      editor: one(UserModel, { by: PostModel.editorId }), // editorId is nullable: typed User | null
      tags: many(TagModel, { through: PostTag }),
      comments: many(CommentModel), // the one reference from Comment to Post
    },
    Tag: { posts: many(PostModel, { through: PostTag }) },
    Comment: { author: one(UserModel, { by: CommentModel.authorId }) },
  }),
);

const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
await db.schema(blog).createModels().raiseOnErrors();

const [ada, grace, linus] = await db.add(User, { name: "Ada" }, { name: "Grace" }, { name: "Linus" }).value;
if (!ada?.id || !grace?.id || !linus?.id) throw new Error("keys are generated on insert");
const [notes, compilers, kernels] = await db
  .add(Post, [
    { title: "Notes on the Analytical Engine", authorId: ada.id, editorId: grace.id },
    { title: "Compilers for everyone", authorId: grace.id },
    { title: "Just for fun", authorId: linus.id },
    { title: "Bernoulli numbers", authorId: ada.id },
  ])
  .value;
const [ts, sql, history, unused] = await db.add(Tag, [{ label: "ts" }, { label: "sql" }, { label: "history" }, { label: "unused" }]).value;
if (!notes?.id || !compilers?.id || !kernels?.id || !ts?.id || !sql?.id || !history?.id || !unused) throw new Error("keys are generated on insert");
await db
  .add(PostTag, [
    { postId: notes.id, tagId: history.id },
    { postId: compilers.id, tagId: sql.id },
    { postId: compilers.id, tagId: ts.id },
    { postId: kernels.id, tagId: ts.id },
  ])
  .raiseOnErrors();
await db
  .add(Comment, [
    { postId: notes.id, authorId: grace.id, body: "The first program!" },
    { postId: notes.id, authorId: linus.id, body: "Still readable today." },
    { postId: compilers.id, authorId: ada.id, body: "Machines writing programs: yes." },
  ])
  .raiseOnErrors();

// Lazy: a relation is a property to await. Nothing is loaded until then.
const post = await db.find(Post.title.eq("Notes on the Analytical Engine")).one().value;
const author = await post.author; // a User, never null: authorId is required
const editor = await post.editor; // a User or null
console.log(`Lazy: "${post.title}" by ${author.name}, edited by ${editor?.name ?? "nobody"}`);
console.log(`Lazy: ${author.name} wrote ${(await author.posts).map((written) => `"${written.title}"`).join(", ")}`);
// Rows from add have their relations too; a to-many comes in the related model's key order.
console.log(`Lazy: "${compilers.title}" is tagged ${(await compilers.tags).map((tag) => tag.label).join(", ")}`);
// Nothing related: null for a to-one, [] for a to-many.
const noEditor = await compilers.editor;
console.log(`Lazy: "${compilers.title}" has editor ${noEditor === null ? "null" : noEditor.name}; tag "${unused.label}" has ${(await unused.posts).length} posts`);
// Relations are not data: JSON and spreads hold the fields only.
console.log(`As JSON: ${JSON.stringify(post)}`);

// Loaded once per row, then kept; refresh() loads again.
await db.find(User.id.eq(ada.id)).update({ name: "Ada Lovelace" }).raiseOnErrors();
console.log(`Cached: ${(await post.author).name}; after refresh(): ${(await post.author.refresh()).name}`);

// Eager: include loads the named relations for every row, nested ones too, with a fixed number
// of queries whatever the number of posts (six here: the posts, their authors, their tags (two,
// through PostTag), their comments, the comments' authors). Included relations are plain values.
const posts = await db
  .find(when(Post).sort(Post.id.asc()))
  .include({ author: true, tags: true, comments: { author: true } })
  .all()
  .value;
console.log("Eager: every post, with its author, tags and comments:");
for (const each of posts) {
  console.log(`  "${each.title}" by ${each.author.name} [${each.tags.map((tag) => tag.label).join(", ")}]`);
  for (const comment of each.comments) console.log(`    ${comment.author.name}: ${comment.body}`);
}

// A condition on Tag filters posts through the association model, and the other way round.
const tagged = await db.find(when(Post, Tag.label.eq("ts")).sort(Post.title.asc())).all().value;
console.log(`Tagged ts: ${tagged.map((each) => `"${each.title}"`).join(", ")}`);
const onCompilers = await db.find(when(Tag, Post.title.startsWith("Compilers")).sort(Tag.label.asc())).all().value;
console.log(`Tags of "Compilers for everyone": ${onCompilers.map((tag) => tag.label).join(", ")}`);

await db.close();
