import { IsInt, IsOptional, IsString } from "class-validator";
import { expectTypeOf, test } from "vitest";
import { z } from "zod";
import { Auto, Key, ModelCollection, ReferenceTo, model, relations, when, type AnyFieldRef, type Included, type Lazy, type Ommi, type RowOf } from "ommi";

declare const db: Ommi;

// A company that blogs: departments and employees refer to each other (a department's head is
// an employee, an employee works in a department), employees write posts, posts have comments
// and tags (through PostTag). Every type below is inferred; nothing is annotated but the one
// `AnyFieldRef` that TypeScript needs to break the circle of two models defined from each other.
const company = new ModelCollection();
const DepartmentModel = model(z.object({ id: z.number().int().optional(), name: z.string(), headId: z.number().int().nullable() }), {
  name: "Department",
  collection: company,
  fields: { id: [Key, Auto], headId: ReferenceTo((): AnyFieldRef => EmployeeModel.id) },
});
const EmployeeModel = model(z.object({ id: z.number().int().optional(), name: z.string(), departmentId: z.number().int() }), {
  name: "Employee",
  collection: company,
  fields: { departmentId: ReferenceTo(DepartmentModel.id) },
});
const PostModel = model(
  z.object({ id: z.number().int().optional(), title: z.string(), authorId: z.number().int(), editorId: z.number().int().nullable(), reviewerId: z.number().int().optional() }),
  { name: "Post", collection: company, fields: { authorId: ReferenceTo(EmployeeModel.id), editorId: ReferenceTo(EmployeeModel.id), reviewerId: ReferenceTo(EmployeeModel.id) } },
);
const CommentModel = model(z.object({ id: z.number().int().optional(), body: z.string(), postId: z.number().int(), authorId: z.number().int() }), {
  name: "Comment",
  collection: company,
  fields: { postId: ReferenceTo(PostModel.id), authorId: ReferenceTo(EmployeeModel.id) },
});
const TagModel = model(z.object({ id: z.number().int().optional(), label: z.string() }), { name: "Tag", collection: company });
const AvatarModel = model(z.object({ id: z.number().int().optional(), url: z.string(), employeeId: z.number().int() }), {
  name: "Avatar",
  collection: company,
  fields: { employeeId: ReferenceTo(EmployeeModel.id) },
});
const PostTag = model(z.object({ postId: z.number().int(), tagId: z.number().int() }), {
  name: "PostTag",
  collection: company,
  fields: { postId: [Key, ReferenceTo(PostModel.id)], tagId: [Key, ReferenceTo(TagModel.id)] },
});

const { Department, Employee, Post, Comment, Tag, Avatar } = relations(
  { Department: DepartmentModel, Employee: EmployeeModel, Post: PostModel, Comment: CommentModel, Tag: TagModel, Avatar: AvatarModel, PostTag },
  ({ one, many }) => ({
    Department: { head: one(EmployeeModel, { by: DepartmentModel.headId }), members: many(EmployeeModel) },
    Employee: {
      department: one(DepartmentModel, { by: EmployeeModel.departmentId }),
      heads: one(DepartmentModel, { by: DepartmentModel.headId }),
      posts: many(PostModel, { by: PostModel.authorId }),
      avatars: many(AvatarModel),
    },
    Post: {
      author: one(EmployeeModel, { by: PostModel.authorId }),
      editor: one(EmployeeModel, { by: PostModel.editorId }),
      reviewer: one(EmployeeModel, { by: PostModel.reviewerId }),
      comments: many(CommentModel),
      tags: many(TagModel, { through: PostTag }),
    },
    Comment: { post: one(PostModel), author: one(EmployeeModel, { by: CommentModel.authorId }) },
    Tag: { posts: many(PostModel, { through: PostTag }) },
  }),
);

type DepartmentRow = RowOf<typeof Department>;
type EmployeeRow = RowOf<typeof Employee>;
type PostRow = RowOf<typeof Post>;
type CommentRow = RowOf<typeof Comment>;
type TagRow = RowOf<typeof Tag>;
type AvatarRow = RowOf<typeof Avatar>;

declare const post: PostRow;

test("nothing is any: rows, fields and field refs keep their types through the circle", () => {
  expectTypeOf<DepartmentRow>().not.toBeAny();
  expectTypeOf<EmployeeRow>().not.toBeAny();
  expectTypeOf<PostRow>().not.toBeAny();
  expectTypeOf<DepartmentRow["headId"]>().toEqualTypeOf<number | null>();
  expectTypeOf<EmployeeRow["departmentId"]>().toEqualTypeOf<number>();
  // The field refs of the models that refer to each other take values of their field's type.
  void Department.headId.eq(null);
  void Employee.departmentId.in([1, 2]);
  // @ts-expect-error headId holds numbers
  void Department.headId.eq("1");
  // The model given to relations() is unchanged: its rows have no relations; the one returned has them.
  expectTypeOf<RowOf<typeof DepartmentModel>>().not.toHaveProperty("head");
  expectTypeOf<DepartmentRow>().toHaveProperty("head");
});

test("a chain of three to-one relations held by required fields types to the end", async () => {
  expectTypeOf((await (await post.author).department).name).toEqualTypeOf<string>();
  expectTypeOf(await post.author).toEqualTypeOf<EmployeeRow>();
  expectTypeOf(await (await post.author).department).toEqualTypeOf<DepartmentRow>();
  // The same chain from a row that a query returned.
  const found = await db.find(Post.title.eq("Hello")).one().value;
  expectTypeOf((await (await found.author).department).name).toEqualTypeOf<string>();
});

test("a to-one may be null when its field is nullable or optional, held by the target, or inferred", async () => {
  expectTypeOf(await post.editor).toEqualTypeOf<EmployeeRow | null>();
  expectTypeOf(await post.reviewer).toEqualTypeOf<EmployeeRow | null>();
  const employee = await post.author;
  // `by` names the target's field: the row pointing here may not exist.
  expectTypeOf(await employee.heads).toEqualTypeOf<DepartmentRow | null>();
  // No `by`: the join is inferred, and nothing says the row is there.
  const [comment] = await post.comments;
  if (comment) expectTypeOf(await comment.post).toEqualTypeOf<PostRow | null>();
  // @ts-expect-error a nullable to-one must be checked before use
  void (await post.editor).name;
});

test("a to-many gives an array, directly, inferred or through an association model", async () => {
  expectTypeOf(await (await post.author).posts).toEqualTypeOf<PostRow[]>();
  expectTypeOf(await post.comments).toEqualTypeOf<CommentRow[]>();
  expectTypeOf(await post.tags).toEqualTypeOf<TagRow[]>();
  const [tag] = await post.tags;
  if (tag) expectTypeOf(await tag.posts).toEqualTypeOf<PostRow[]>();
});

test("departments and employees refer to each other, and each side's relations type", async () => {
  const department = await (await post.author).department;
  const head = await department.head;
  expectTypeOf(head).toEqualTypeOf<EmployeeRow | null>();
  if (head) expectTypeOf((await head.department).name).toEqualTypeOf<string>();
  expectTypeOf(await department.members).toEqualTypeOf<EmployeeRow[]>();
});

test("a relation is a Lazy: awaited, refreshed, and typed the same from every way rows come back", async () => {
  expectTypeOf(post.author).toEqualTypeOf<Lazy<EmployeeRow>>();
  expectTypeOf(post.editor).toEqualTypeOf<Lazy<EmployeeRow | null>>();
  expectTypeOf(post.tags).toEqualTypeOf<Lazy<TagRow[]>>();
  expectTypeOf(post.author.refresh()).resolves.toEqualTypeOf<EmployeeRow>();
  expectTypeOf(post.tags.refresh()).resolves.toEqualTypeOf<TagRow[]>();
  expectTypeOf(db.find(Post).all().value).resolves.toEqualTypeOf<PostRow[]>();
  expectTypeOf(db.add(Post, { title: "a", authorId: 1, editorId: null }).value).resolves.toEqualTypeOf<PostRow[]>();
  for await (const row of db.find(when(Post).sort(Post.id.asc()))) expectTypeOf(row).toEqualTypeOf<PostRow>();
  await db.transaction(async (tx) => {
    const inTransaction = await tx.find(Post.id.eq(1)).one().value;
    expectTypeOf(await inTransaction.author).toEqualTypeOf<EmployeeRow>();
  });
});

test("RowOf a model with relations is its data and its relations", () => {
  expectTypeOf<PostRow["title"]>().toEqualTypeOf<string>();
  expectTypeOf<PostRow["editorId"]>().toEqualTypeOf<number | null>();
  expectTypeOf<PostRow["author"]>().toEqualTypeOf<Lazy<EmployeeRow>>();
  expectTypeOf<PostRow["comments"]>().toEqualTypeOf<Lazy<CommentRow[]>>();
  // A model given to relations() without relations of its own keeps its data only.
  expectTypeOf<AvatarRow>().toEqualTypeOf<RowOf<typeof AvatarModel>>();
  expectTypeOf(db.find(Avatar.url.eq("x")).one().value).resolves.toEqualTypeOf<AvatarRow>();
  expectTypeOf<AvatarRow>().toEqualTypeOf<{ url: string; employeeId: number; id: number }>();
});

test("relations are not fields: no field ref, no condition, no update, no add", async () => {
  expectTypeOf(Post).toHaveProperty("title");
  expectTypeOf(Post).toHaveProperty("authorId");
  expectTypeOf(Post).not.toHaveProperty("author");
  expectTypeOf(Post).not.toHaveProperty("tags");
  // @ts-expect-error a relation has no field ref
  void Post.author;
  // @ts-expect-error a relation cannot be set
  void db.find(Post.id.eq(1)).update({ author: post.author });
  // @ts-expect-error nor set to a plain row
  void db.find(Post.id.eq(1)).update({ tags: [] });
  // @ts-expect-error add takes the model's fields only
  void db.add(Post, { title: "a", authorId: 1, editorId: null, author: post.author });
  // Nor after an include, where the included relations are plain values on the rows.
  const author = await post.author;
  // @ts-expect-error an included relation is not a field either
  void db.find(Post.id.eq(1)).include({ author: true }).update({ author });
  // Fields are set as always.
  void db.find(Post.id.eq(1)).update({ title: "b", editorId: null });
  void db.find(Post.id.eq(1)).include({ author: true }).update({ title: "b" });
});

test("included relations are plain values, nested ones too, and the rest stay lazy", async () => {
  const posts = await db.find(Post.title.eq("x")).include({ author: true, editor: true, tags: true, comments: { author: true } }).all().value;
  const [first] = posts;
  if (!first) return;
  expectTypeOf(first.author.name).toEqualTypeOf<string>();
  expectTypeOf(first.author).toEqualTypeOf<EmployeeRow>();
  expectTypeOf(first.editor).toEqualTypeOf<EmployeeRow | null>();
  expectTypeOf(first.tags).toEqualTypeOf<TagRow[]>();
  expectTypeOf(first.comments[0]?.author.name).toEqualTypeOf<string | undefined>();
  expectTypeOf<(typeof first.comments)[number]["author"]>().toEqualTypeOf<EmployeeRow>();
  expectTypeOf<(typeof first.comments)[number]["body"]>().toEqualTypeOf<string>();
  // Not included: still loaded on await.
  expectTypeOf(first.reviewer).toEqualTypeOf<Lazy<EmployeeRow | null>>();
  expectTypeOf<(typeof first.comments)[number]["post"]>().toEqualTypeOf<Lazy<PostRow | null>>();
  // An included relation's own relations stay lazy, with their types.
  expectTypeOf((await first.author.department).name).toEqualTypeOf<string>();
  // Data is untouched.
  expectTypeOf(first.title).toEqualTypeOf<string>();
  expectTypeOf(first.editorId).toEqualTypeOf<number | null>();
});

test("include types every way of reading rows, and a nullable nested include stays nullable", async () => {
  const one = await db.find(Comment.id.eq(1)).include({ post: { author: { department: true } } }).one().value;
  expectTypeOf<Extract<typeof one.post, null>>().toEqualTypeOf<null>();
  expectTypeOf<NonNullable<typeof one.post>["author"]["department"]>().toEqualTypeOf<DepartmentRow>();
  expectTypeOf<NonNullable<typeof one.post>["tags"]>().toEqualTypeOf<Lazy<TagRow[]>>();
  expectTypeOf(one.post?.author.department.name).toEqualTypeOf<string | undefined>();
  for await (const row of db.find(Tag).include({ posts: { tags: true } })) {
    expectTypeOf(row.posts).items.toHaveProperty("tags").toEqualTypeOf<TagRow[]>();
  }
  // The exported Included names the same type, for functions that take such rows.
  expectTypeOf(db.find(Post).include({ author: true, comments: { author: true } }).one().value).resolves.toEqualTypeOf<
    Included<PostRow, { author: true; comments: { author: true } }>
  >();
  // Two includes on one find add up.
  const both = await db.find(Post).include({ author: true }).include({ tags: true }).one().value;
  expectTypeOf(both.author.name).toEqualTypeOf<string>();
  expectTypeOf(both.tags).toEqualTypeOf<TagRow[]>();
});

test("including what is not a relation does not compile", () => {
  // @ts-expect-error Post has no relation `nope`
  void db.find(Post).include({ nope: true });
  // @ts-expect-error a misspelt relation beside a real one
  void db.find(Post).include({ author: true, autor: true });
  // @ts-expect-error a field is not a relation
  void db.find(Post).include({ title: true });
  // @ts-expect-error Comment (the target of comments) has no relation `tags`
  void db.find(Post).include({ comments: { tags: true } });
  // @ts-expect-error nor a misspelt one beside a real one, one level down
  void db.find(Post).include({ comments: { author: true, autor: true } });
  // @ts-expect-error a field of the target is not a relation either
  void db.find(Post).include({ comments: { body: true } });
  // @ts-expect-error Avatar has no relations at all, so nothing can be included from it
  void db.find(Employee).include({ avatars: { url: true } });
  // Avatar's rows themselves can be.
  expectTypeOf(db.find(Employee).include({ avatars: true }).one().value).resolves.toHaveProperty("avatars").toEqualTypeOf<AvatarRow[]>();
  // @ts-expect-error true or a nested include, nothing else
  void db.find(Post).include({ author: false });
});

// Self references: a tree (one follows parentId up, many follows it down) and people with a
// best friend (a to-one of a model to itself) and friends (through an association model that
// refers to Person twice, so `from` and `to` say which side is which).
const nature = new ModelCollection();
const NodeModel = model(z.object({ id: z.number().int().optional(), label: z.string(), parentId: z.number().int().nullable() }), {
  name: "Node",
  collection: nature,
  fields: { parentId: ReferenceTo((): AnyFieldRef => NodeModel.id) },
});
const PersonModel = model(z.object({ id: z.number().int().optional(), name: z.string(), bestFriendId: z.number().int().nullable() }), {
  name: "Person",
  collection: nature,
  fields: { bestFriendId: ReferenceTo((): AnyFieldRef => PersonModel.id) },
});
const Friendship = model(z.object({ personId: z.number().int(), friendId: z.number().int() }), {
  name: "Friendship",
  collection: nature,
  fields: { personId: [Key, ReferenceTo(PersonModel.id)], friendId: [Key, ReferenceTo(PersonModel.id)] },
});
const { Node, Person } = relations({ Node: NodeModel, Person: PersonModel, Friendship }, ({ one, many }) => ({
  Node: { parent: one(NodeModel, { by: NodeModel.parentId }), children: many(NodeModel, { by: NodeModel.parentId }) },
  Person: {
    bestFriend: one(PersonModel, { by: PersonModel.bestFriendId }),
    friends: many(PersonModel, { through: Friendship, from: Friendship.personId, to: Friendship.friendId }),
  },
}));
type NodeRow = RowOf<typeof Node>;
type PersonRow = RowOf<typeof Person>;

test("a tree's parent and children, and a best friend, type as the model itself", async () => {
  const node = await db.find(Node.label.eq("leaf")).one().value;
  expectTypeOf(await node.parent).toEqualTypeOf<NodeRow | null>();
  expectTypeOf(await node.children).toEqualTypeOf<NodeRow[]>();
  const grandparent = await (await node.parent)?.parent;
  expectTypeOf(grandparent).toEqualTypeOf<NodeRow | null | undefined>();
  const person = await db.find(Person.name.eq("Ann")).one().value;
  expectTypeOf(await person.bestFriend).toEqualTypeOf<PersonRow | null>();
  expectTypeOf(await person.friends).toEqualTypeOf<PersonRow[]>();
  const withTree = await db.find(Node).include({ children: { children: true }, parent: true }).all().value;
  expectTypeOf(withTree).items.toHaveProperty("children").items.toHaveProperty("children").toEqualTypeOf<NodeRow[]>();
  expectTypeOf(withTree).items.toHaveProperty("parent").toEqualTypeOf<NodeRow | null>();
});

// A composite reference: both parts required gives the row, one nullable part may give null.
const warehouse = new ModelCollection();
const ShelfModel = model(z.object({ aisle: z.string(), slot: z.number().int(), label: z.string() }), {
  name: "Shelf",
  collection: warehouse,
  fields: { aisle: Key, slot: Key },
});
const BoxModel = model(
  z.object({ id: z.number().int().optional(), aisle: z.string(), slot: z.number().int(), spareAisle: z.string().nullable(), spareSlot: z.number().int().nullable() }),
  {
    name: "Box",
    collection: warehouse,
    fields: { aisle: ReferenceTo(ShelfModel.aisle), slot: ReferenceTo(ShelfModel.slot), spareAisle: ReferenceTo(ShelfModel.aisle), spareSlot: ReferenceTo(ShelfModel.slot) },
  },
);
const { Box, Shelf } = relations({ Box: BoxModel, Shelf: ShelfModel }, ({ one, many }) => ({
  Box: { shelf: one(ShelfModel, { by: [BoxModel.aisle, BoxModel.slot] }), spare: one(ShelfModel, { by: [BoxModel.spareAisle, BoxModel.spareSlot] }) },
  Shelf: { boxes: many(BoxModel, { by: [BoxModel.aisle, BoxModel.slot] }) },
}));

test("a composite reference types like a single one", async () => {
  const box = await db.find(Box.id.eq(1)).one().value;
  expectTypeOf(await box.shelf).toEqualTypeOf<RowOf<typeof Shelf>>();
  expectTypeOf(db.find(Shelf.aisle.eq("A")).all().value).resolves.items.toHaveProperty("boxes").toEqualTypeOf<Lazy<RowOf<typeof Box>[]>>();
  expectTypeOf(await box.spare).toEqualTypeOf<RowOf<typeof Shelf> | null>();
  expectTypeOf(await (await box.shelf).boxes).toEqualTypeOf<RowOf<typeof Box>[]>();
});

// Two libraries: writers are a class-validator class, articles a Zod schema, and each refers to the other's model.
const press = new ModelCollection();
class Writer {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @IsString() name!: string;
  @IsOptional() @IsInt() @ReferenceTo((): AnyFieldRef => ArticleModel.id) favouriteId?: number;

  signature(): string {
    return `— ${this.name}`;
  }
}
const WriterModel = model(Writer, { collection: press });
const ArticleModel = model(z.object({ id: z.number().int().optional(), headline: z.string(), writerId: z.number().int() }), {
  name: "Article",
  collection: press,
  fields: { writerId: ReferenceTo(WriterModel.id) },
});
const { Writer: Writers, Article } = relations({ Writer: WriterModel, Article: ArticleModel }, ({ one, many }) => ({
  Writer: { articles: many(ArticleModel, { by: ArticleModel.writerId }), favourite: one(ArticleModel, { by: WriterModel.favouriteId }) },
  Article: { writer: one(WriterModel, { by: ArticleModel.writerId }) },
}));

test("relations between models of two libraries type, class instances included", async () => {
  const article = await db.find(Article.headline.eq("x")).one().value;
  const writer = await article.writer;
  expectTypeOf(writer).toEqualTypeOf<RowOf<typeof Writers>>();
  expectTypeOf(writer.signature()).toEqualTypeOf<string>();
  expectTypeOf(await writer.articles).toEqualTypeOf<RowOf<typeof Article>[]>();
  // class-validator has no nullable fields: an optional one may hold nothing.
  expectTypeOf(await writer.favourite).toEqualTypeOf<RowOf<typeof Article> | null>();
  const withWriters = await db.find(Article).include({ writer: { articles: true } }).all().value;
  expectTypeOf(withWriters).items.toHaveProperty("writer").toHaveProperty("articles").toEqualTypeOf<RowOf<typeof Article>[]>();
  expectTypeOf(withWriters).items.toHaveProperty("writer").toHaveProperty("signature").returns.toEqualTypeOf<string>();
  // The class's methods are not fields of the handle, nor are its relations.
  expectTypeOf(Writers).toHaveProperty("name");
  expectTypeOf(Writers).not.toHaveProperty("signature");
  expectTypeOf(Writers).not.toHaveProperty("articles");
});
