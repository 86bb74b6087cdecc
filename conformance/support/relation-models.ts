import { z } from "zod";
import { Key, model, Ommi, ReferenceTo, relations, type AnyFieldRef, type Driver, type Model, type ModelCollection, type ModelHandle, type RowOf } from "../../src/index.js";
import type { ConformanceContext } from "../context.js";
import { addRows } from "./capabilities.js";

/*
 * The models of the relation scenarios, described once as the rows they hold, so that the same
 * scenarios run for models of any schema library (and of several at once). A library supplies the
 * models (`RelationModelBuilders`: its schemas and ReferenceTo markers); their relations are
 * declared here, once, with `relations()`, so every library is held to the same declarations.
 */

/** A department and its manager: a user, who in turn belongs to a department (a mutual reference). */
export interface Department {
  id?: number;
  name: string;
  /** References User.id; null (absent in libraries without nullable fields) for no manager. */
  managerId?: number | null;
}

export interface User {
  id?: number;
  name: string;
  /** References Department.id; required, so `user.department` is never null. */
  departmentId: number;
}

/** At most one per user: the reverse one-to-one `user.profile`, which may be absent. */
export interface Profile {
  id?: number;
  userId: number;
  bio: string;
}

/** Two references to User: the author (required) and the editor (nullable). */
export interface Post {
  id?: number;
  title: string;
  authorId: number;
  editorId?: number | null;
}

export interface Comment {
  id?: number;
  postId: number;
  authorId: number;
  body: string;
}

export interface Tag {
  id?: number;
  label: string;
}

/** The association of posts and tags; its key is both fields. */
export interface PostTag {
  postId: number;
  tagId: number;
}

/** A tree: a node refers to its parent. */
export interface TreeNode {
  id?: number;
  name: string;
  parentId?: number | null;
}

/** A person with a best friend (a reference to the same model), and friendships (an association of Person with itself). */
export interface Person {
  id?: number;
  nickname: string;
  bestFriendId?: number | null;
}

export interface Friendship {
  personId: number;
  friendId: number;
}

export interface Student {
  id?: number;
  fullName: string;
}

export interface Course {
  id?: number;
  title: string;
}

export interface Enrolment {
  studentId: number;
  courseId: number;
}

/** A composite key: `region` and `code` together. */
export interface Site {
  region: string;
  code: string;
  city: string;
}

/** Refers to a Site by both parts of its key: one composite reference. */
export interface Visit {
  id?: number;
  siteRegion: string;
  siteCode: string;
  visitor: string;
}

/** Every row type of the relation scenarios, by model name. */
export interface RelationRows {
  Department: Department;
  User: User;
  Profile: Profile;
  Post: Post;
  Comment: Comment;
  Tag: Tag;
  PostTag: PostTag;
  Node: TreeNode;
  Person: Person;
  Friendship: Friendship;
  Student: Student;
  Course: Course;
  Enrolment: Enrolment;
  Site: Site;
  Visit: Visit;
}

/** The models before their relations are declared, as a library builds them. */
export type BaseRelationModels = { readonly [K in keyof RelationRows]: Model<RelationRows[K]> };

/**
 * How one library builds each model in `collection`, named as its key says. A builder marks
 * its references with `ReferenceTo`, reaching the other models through `models()` (a model may
 * refer to one built after it: `ReferenceTo((): AnyFieldRef => models().User.id)`). Integer keys
 * named `id` are generated when left out; PostTag, Friendship, Enrolment and Site key both fields.
 */
export type RelationModelBuilders = {
  readonly [K in keyof RelationRows]: (collection: ModelCollection, models: () => BaseRelationModels) => Model<RelationRows[K]>;
};

/** One set of models for the relation scenarios: `library` names it in the scenarios' titles. */
export interface RelationModelsFixture {
  readonly library: string;
  readonly builders: RelationModelBuilders;
}

/** Builds every model with the fixture's builders, then declares their relations; the handles to use. */
export function defineRelationModels(collection: ModelCollection, fixture: RelationModelsFixture) {
  const built: Partial<Record<keyof RelationRows, unknown>> = {};
  const models = () => built as BaseRelationModels;
  for (const name of Object.keys(fixture.builders) as (keyof RelationRows)[]) built[name] = fixture.builders[name](collection, models);
  return declareRelations(models());
}

function declareRelations(base: BaseRelationModels) {
  const { Department, User, Profile, Post, Comment, Tag, PostTag, Node, Person, Friendship, Student, Course, Enrolment, Site, Visit } = base;
  return relations(base, ({ one, many }) => ({
    Department: { members: many(User, { by: User.departmentId }), manager: one(User, { by: Department.managerId }) },
    User: {
      department: one(Department, { by: User.departmentId }),
      managed: many(Department, { by: Department.managerId }),
      profile: one(Profile),
      posts: many(Post, { by: Post.authorId }),
      edited: many(Post, { by: Post.editorId }),
      comments: many(Comment, { by: Comment.authorId }),
    },
    Profile: { user: one(User, { by: Profile.userId }) },
    Post: {
      author: one(User, { by: Post.authorId }),
      editor: one(User, { by: Post.editorId }),
      comments: many(Comment),
      tags: many(Tag, { through: PostTag }),
    },
    Comment: { post: one(Post, { by: Comment.postId }), author: one(User, { by: Comment.authorId }) },
    Tag: { posts: many(Post, { through: PostTag }) },
    Node: { parent: one(Node, { by: Node.parentId }), children: many(Node, { by: Node.parentId }) },
    Person: {
      bestFriend: one(Person, { by: Person.bestFriendId }),
      bestFriendOf: many(Person, { by: Person.bestFriendId }),
      friends: many(Person, { through: Friendship, from: Friendship.personId, to: Friendship.friendId }),
    },
    Student: { courses: many(Course, { through: Enrolment }) },
    Course: { students: many(Student, { through: Enrolment }) },
    Site: { visits: many(Visit) },
    Visit: { site: one(Site) },
  }));
}

/** The relational handles the scenarios use. */
export type RelationModels = ReturnType<typeof defineRelationModels>;

/** The relation models written with Zod: the conformance suite's own. */
export const zodRelationModels: RelationModelsFixture = {
  library: "zod",
  builders: {
    Department: (collection, models) =>
      model(z.object({ id: z.int().optional(), name: z.string(), managerId: z.int().nullable() }), {
        name: "Department", collection, fields: { managerId: ReferenceTo((): AnyFieldRef => models().User.id) },
      }),
    User: (collection, models) =>
      model(z.object({ id: z.int().optional(), name: z.string(), departmentId: z.int() }), {
        name: "User", collection, fields: { departmentId: ReferenceTo((): AnyFieldRef => models().Department.id) },
      }),
    Profile: (collection, models) =>
      model(z.object({ id: z.int().optional(), userId: z.int(), bio: z.string() }), {
        name: "Profile", collection, fields: { userId: ReferenceTo((): AnyFieldRef => models().User.id) },
      }),
    Post: (collection, models) =>
      model(z.object({ id: z.int().optional(), title: z.string(), authorId: z.int(), editorId: z.int().nullable() }), {
        name: "Post", collection,
        fields: { authorId: ReferenceTo((): AnyFieldRef => models().User.id), editorId: ReferenceTo((): AnyFieldRef => models().User.id) },
      }),
    Comment: (collection, models) =>
      model(z.object({ id: z.int().optional(), postId: z.int(), authorId: z.int(), body: z.string() }), {
        name: "Comment", collection,
        fields: { postId: ReferenceTo((): AnyFieldRef => models().Post.id), authorId: ReferenceTo((): AnyFieldRef => models().User.id) },
      }),
    Tag: (collection) => model(z.object({ id: z.int().optional(), label: z.string() }), { name: "Tag", collection }),
    PostTag: (collection, models) =>
      model(z.object({ postId: z.int(), tagId: z.int() }), {
        name: "PostTag", collection,
        fields: { postId: [Key, ReferenceTo((): AnyFieldRef => models().Post.id)], tagId: [Key, ReferenceTo((): AnyFieldRef => models().Tag.id)] },
      }),
    Node: (collection, models) =>
      model(z.object({ id: z.int().optional(), name: z.string(), parentId: z.int().nullable() }), {
        name: "Node", collection, fields: { parentId: ReferenceTo((): AnyFieldRef => models().Node.id) },
      }),
    Person: (collection, models) =>
      model(z.object({ id: z.int().optional(), nickname: z.string(), bestFriendId: z.int().nullable() }), {
        name: "Person", collection, fields: { bestFriendId: ReferenceTo((): AnyFieldRef => models().Person.id) },
      }),
    Friendship: (collection, models) =>
      model(z.object({ personId: z.int(), friendId: z.int() }), {
        name: "Friendship", collection,
        fields: { personId: [Key, ReferenceTo((): AnyFieldRef => models().Person.id)], friendId: [Key, ReferenceTo((): AnyFieldRef => models().Person.id)] },
      }),
    Student: (collection) => model(z.object({ id: z.int().optional(), fullName: z.string() }), { name: "Student", collection }),
    Course: (collection) => model(z.object({ id: z.int().optional(), title: z.string() }), { name: "Course", collection }),
    Enrolment: (collection, models) =>
      model(z.object({ studentId: z.int(), courseId: z.int() }), {
        name: "Enrolment", collection,
        fields: { studentId: [Key, ReferenceTo((): AnyFieldRef => models().Student.id)], courseId: [Key, ReferenceTo((): AnyFieldRef => models().Course.id)] },
      }),
    Site: (collection) =>
      model(z.object({ region: z.string(), code: z.string(), city: z.string() }), { name: "Site", collection, fields: { region: Key, code: Key } }),
    Visit: (collection, models) =>
      model(z.object({ id: z.int().optional(), siteRegion: z.string(), siteCode: z.string(), visitor: z.string() }), {
        name: "Visit", collection,
        fields: { siteRegion: ReferenceTo((): AnyFieldRef => models().Site.region), siteCode: ReferenceTo((): AnyFieldRef => models().Site.code) },
      }),
  },
};

/** What a relation test opens: its database and driver, and the relation models created in it. */
export type OpenedRelations = RelationModels & { readonly db: Ommi; readonly driver: Driver };

/** For a scenario: opens the test's database with the fixture's models defined, related and created. */
export function relationOpener(context: () => ConformanceContext, fixture: RelationModelsFixture): () => Promise<OpenedRelations> {
  return async () => {
    const { db, driver, collection, create } = context();
    const models = defineRelationModels(collection, fixture);
    await create();
    return { db, driver, ...models };
  };
}

/** The generated key of a stored row; a row without one is a failed test, not a query for `undefined`. */
export function idOf(row: { readonly id?: number }): number {
  if (row.id === undefined) throw new Error(`expected a stored row with an id, got ${JSON.stringify(row)}`);
  return row.id;
}

/** Adds one row and gives it back as stored (a relational row: its relations load). */
export async function addOne<R, I>(db: Ommi, handle: ModelHandle<R, I>, input: I): Promise<R> {
  const [row] = await db.add(handle, input).value;
  if (row === undefined) throw new Error("add() gave back no row");
  return row;
}

/** The named rows of the blog, as stored. */
type Rows<K extends keyof RelationModels> = RowOf<RelationModels[K]>;

/**
 * The blog: departments Research (managed by Bob: Ann, Bob), Sales (managed by Dee: Cy, Dee) and
 * Empty (no manager, no members); Ann and Cy have profiles; posts Hello (by Ann, edited by Bob,
 * tagged howto then news, commented on by Bob and Cy), Again (by Ann, no editor, no tag, no
 * comment) and Pitch (by Cy, edited by Ann, tagged news, commented on by Ann); the tag unused has no post.
 */
export async function seedBlog(db: Ommi, { Department, User, Profile, Post, Comment, Tag, PostTag }: RelationModels) {
  const research = await addOne(db, Department, { name: "Research", managerId: null });
  const sales = await addOne(db, Department, { name: "Sales", managerId: null });
  const empty = await addOne(db, Department, { name: "Empty", managerId: null });
  const ann = await addOne(db, User, { name: "Ann", departmentId: idOf(research) });
  const bob = await addOne(db, User, { name: "Bob", departmentId: idOf(research) });
  const cy = await addOne(db, User, { name: "Cy", departmentId: idOf(sales) });
  const dee = await addOne(db, User, { name: "Dee", departmentId: idOf(sales) });
  // The departments refer to users that refer to them: the managers are set once both exist.
  await db.find(Department.id.eq(idOf(research))).update({ managerId: idOf(bob) }).raiseOnErrors();
  await db.find(Department.id.eq(idOf(sales))).update({ managerId: idOf(dee) }).raiseOnErrors();
  await addRows(db, Profile, [{ userId: idOf(ann), bio: "Writes" }, { userId: idOf(cy), bio: "Sells" }]);
  const hello = await addOne(db, Post, { title: "Hello", authorId: idOf(ann), editorId: idOf(bob) });
  const again = await addOne(db, Post, { title: "Again", authorId: idOf(ann), editorId: null });
  const pitch = await addOne(db, Post, { title: "Pitch", authorId: idOf(cy), editorId: idOf(ann) });
  await addRows(db, Comment, [
    { postId: idOf(hello), authorId: idOf(bob), body: "Nice" },
    { postId: idOf(hello), authorId: idOf(cy), body: "+1" },
    { postId: idOf(pitch), authorId: idOf(ann), body: "Sold" },
  ]);
  const news = await addOne(db, Tag, { label: "news" });
  const howto = await addOne(db, Tag, { label: "howto" });
  const unused = await addOne(db, Tag, { label: "unused" });
  // Added out of key order: a post's tags still come in the tags' key order.
  await addRows(db, PostTag, [
    { postId: idOf(hello), tagId: idOf(howto) },
    { postId: idOf(hello), tagId: idOf(news) },
    { postId: idOf(pitch), tagId: idOf(news) },
  ]);
  return { research, sales, empty, ann, bob, cy, dee, hello, again, pitch, news, howto, unused };
}

/** A tree: root with children a and b; a with children a1 and a2; b, a1 and a2 are leaves. */
export async function seedTree(db: Ommi, { Node }: RelationModels) {
  const root = await addOne(db, Node, { name: "root", parentId: null });
  const a = await addOne(db, Node, { name: "a", parentId: idOf(root) });
  const b = await addOne(db, Node, { name: "b", parentId: idOf(root) });
  const a1 = await addOne(db, Node, { name: "a1", parentId: idOf(a) });
  const a2 = await addOne(db, Node, { name: "a2", parentId: idOf(a) });
  return { root, a, b, a1, a2 };
}

/**
 * People: Ann's best friend is Bob, Bob's and Cy's is Ann, Dee has none. Friendships (one way):
 * Ann → Bob, Ann → Cy, Bob → Cy.
 */
export async function seedPeople(db: Ommi, { Person, Friendship }: RelationModels) {
  const ann = await addOne(db, Person, { nickname: "Ann", bestFriendId: null });
  const bob = await addOne(db, Person, { nickname: "Bob", bestFriendId: idOf(ann) });
  const cy = await addOne(db, Person, { nickname: "Cy", bestFriendId: idOf(ann) });
  const dee = await addOne(db, Person, { nickname: "Dee", bestFriendId: null });
  await db.find(Person.id.eq(idOf(ann))).update({ bestFriendId: idOf(bob) }).raiseOnErrors();
  await addRows(db, Friendship, [
    { personId: idOf(ann), friendId: idOf(bob) },
    { personId: idOf(ann), friendId: idOf(cy) },
    { personId: idOf(bob), friendId: idOf(cy) },
  ]);
  return { ann, bob, cy, dee };
}

/** Students and courses: Sam takes A and B, Tia takes A, Uma takes C; nobody takes D. */
export async function seedSchool(db: Ommi, { Student, Course, Enrolment }: RelationModels) {
  const sam = await addOne(db, Student, { fullName: "Sam" });
  const tia = await addOne(db, Student, { fullName: "Tia" });
  const uma = await addOne(db, Student, { fullName: "Uma" });
  const courseA = await addOne(db, Course, { title: "A" });
  const courseB = await addOne(db, Course, { title: "B" });
  const courseC = await addOne(db, Course, { title: "C" });
  const courseD = await addOne(db, Course, { title: "D" });
  await addRows(db, Enrolment, [
    { studentId: idOf(uma), courseId: idOf(courseC) },
    { studentId: idOf(sam), courseId: idOf(courseB) },
    { studentId: idOf(sam), courseId: idOf(courseA) },
    { studentId: idOf(tia), courseId: idOf(courseA) },
  ]);
  return { sam, tia, uma, courseA, courseB, courseC, courseD };
}

/**
 * Sites keyed by (region, code), each code in two regions, so that a join on one part alone
 * finds the wrong visits: ann visited (eu, b1) Berlin, bob and cy (us, b1) Boston, dee (eu, n2)
 * Nice; nobody visited (us, n2) New York.
 */
export async function seedSites(db: Ommi, { Site, Visit }: RelationModels) {
  await addRows(db, Site, [
    { region: "eu", code: "b1", city: "Berlin" },
    { region: "us", code: "b1", city: "Boston" },
    { region: "eu", code: "n2", city: "Nice" },
    { region: "us", code: "n2", city: "New York" },
  ]);
  await addRows(db, Visit, [
    { siteRegion: "eu", siteCode: "b1", visitor: "ann" },
    { siteRegion: "us", siteCode: "b1", visitor: "bob" },
    { siteRegion: "us", siteCode: "b1", visitor: "cy" },
    { siteRegion: "eu", siteCode: "n2", visitor: "dee" },
  ]);
}

/**
 * `count` posts titled `${prefix} 0`, `${prefix} 1`, ...: each by one of `authors` in turn, with
 * one comment by the next author and one of `tags` in turn, so that every include level has rows.
 */
export async function seedPosts(db: Ommi, models: RelationModels, prefix: string, count: number, authors: readonly Rows<"User">[], tags: readonly Rows<"Tag">[]) {
  const { Post, Comment, PostTag } = models;
  const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;
  const posts = await addRows(db, Post, Array.from({ length: count }, (_, index) => ({ title: `${prefix} ${index}`, authorId: idOf(pick(authors, index)), editorId: null })));
  await addRows(db, Comment, posts.map((post, index) => ({ postId: idOf(post), authorId: idOf(pick(authors, index + 1)), body: `on ${post.title}` })));
  await addRows(db, PostTag, posts.map((post, index) => ({ postId: idOf(post), tagId: idOf(pick(tags, index)) })));
  return posts;
}

/** The statements a database has sent, by the driver method that ran each. */
export interface StatementLog {
  readonly calls: readonly string[];
  clear(): void;
}

const STATEMENTS = new Set(["add", "fetch", "count", "update", "delete"]);

/**
 * A second `Ommi` on the test's driver that logs every statement it sends (add, fetch, count,
 * update, delete; not those of transactions): to show how many queries an operation runs, and
 * that one runs none.
 */
export function loggingDatabase(driver: Driver): { readonly db: Ommi; readonly log: StatementLog } {
  const calls: string[] = [];
  const logging = new Proxy(driver, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]): unknown => {
        if (typeof property === "string" && STATEMENTS.has(property)) calls.push(property);
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: new Ommi(logging), log: { calls, clear: () => void calls.splice(0) } };
}

/** A fresh database with the blog seeded, and the same database through a driver whose statements are logged. */
export async function seededBlogWithLog(open: () => Promise<OpenedRelations>): Promise<{ readonly models: OpenedRelations; readonly db: Ommi; readonly log: StatementLog }> {
  const models = await open();
  await seedBlog(models.db, models);
  return { models, ...loggingDatabase(models.driver) };
}
