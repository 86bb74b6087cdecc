import { expect, it } from "vitest";
import { when } from "../../src/index.js";
import { defineScenario, type Scenario } from "../scenario.js";
import { addOne, idOf, relationOpener, seedBlog, seedPeople, seedSchool, seedSites, seedTree, type RelationModelsFixture } from "../support/relation-models.js";

/** Lazy relations (`await post.author`) of every kind, on rows from add, find and iteration. */
export function relationLoading(fixture: RelationModelsFixture): Scenario {
  return defineScenario("relation-loading", `relations: lazy loading (${fixture.library} models)`, (context) => {
    const open = relationOpener(context, fixture);

    it("follows one-to-many both ways: a post's author, an author's posts in key order, a post's comments", async () => {
      const models = await open();
      const { db, Post, User, Comment } = models;
      await seedBlog(db, models);
      const hello = await db.find(Post.title.eq("Hello")).one().value;
      expect((await hello.author).name).toBe("Ann");
      expect((await hello.comments).map((comment) => comment.body)).toEqual(["Nice", "+1"]);
      const ann = await db.find(User.name.eq("Ann")).one().value;
      expect((await ann.posts).map((post) => post.title)).toEqual(["Hello", "Again"]);
      expect((await ann.edited).map((post) => post.title)).toEqual(["Pitch"]);
      const sold = await db.find(Comment.body.eq("Sold")).one().value;
      expect((await sold.post).title).toBe("Pitch");
      expect((await sold.author).name).toBe("Ann");
    });

    it("follows one-to-one both ways: a user's profile, absent for some users, and a profile's user", async () => {
      const models = await open();
      const { db, User, Profile } = models;
      await seedBlog(db, models);
      const ann = await db.find(User.name.eq("Ann")).one().value;
      expect((await ann.profile)?.bio).toBe("Writes");
      const bob = await db.find(User.name.eq("Bob")).one().value;
      expect(await bob.profile).toBeNull();
      const sells = await db.find(Profile.bio.eq("Sells")).one().value;
      expect((await sells.user).name).toBe("Cy");
    });

    it("follows a self-referencing tree: the root's children are its children, a child's parent its parent", async () => {
      const models = await open();
      const { db, Node } = models;
      const { root, a } = await seedTree(db, models);
      const stored = await db.find(Node.id.eq(idOf(root))).one().value;
      const children = await stored.children;
      expect(children.map((node) => node.name)).toEqual(["a", "b"]);
      expect(children.map((node) => node.parentId)).toEqual([idOf(root), idOf(root)]);
      expect(await stored.parent).toBeNull();
      const [first, second] = children;
      expect((await first!.children).map((node) => node.name)).toEqual(["a1", "a2"]);
      expect(await second!.children).toEqual([]);
      const a1 = await db.find(Node.name.eq("a1")).one().value;
      const parent = await a1.parent;
      expect(parent?.id).toBe(idOf(a));
      expect(parent?.name).toBe("a");
      expect(await a1.children).toEqual([]);
      expect((await (await parent!.parent)!.children).map((node) => node.name)).toEqual(["a", "b"]);
    });

    it("follows a reference of a model to itself both ways, and an association of a model with itself", async () => {
      const models = await open();
      const { db, Person } = models;
      await seedPeople(db, models);
      const person = (nickname: string) => db.find(Person.nickname.eq(nickname)).one().value;
      const ann = await person("Ann");
      expect((await ann.bestFriend)?.nickname).toBe("Bob");
      expect((await ann.bestFriendOf).map((friend) => friend.nickname)).toEqual(["Bob", "Cy"]);
      expect((await ann.friends).map((friend) => friend.nickname)).toEqual(["Bob", "Cy"]);
      const cy = await person("Cy");
      expect((await cy.bestFriend)?.nickname).toBe("Ann");
      expect(await cy.bestFriendOf).toEqual([]);
      expect(await cy.friends).toEqual([]);
      expect((await (await person("Bob")).friends).map((friend) => friend.nickname)).toEqual(["Cy"]);
      expect(await (await person("Dee")).bestFriend).toBeNull();
    });

    it("follows mutual references (department and its manager) and a chain three hops long", async () => {
      const models = await open();
      const { db, Post, Department, Comment } = models;
      await seedBlog(db, models);
      const hello = await db.find(Post.title.eq("Hello")).one().value;
      // Post → author → department → manager: Ann works in Research, which Bob manages.
      const manager = await (await (await hello.author).department).manager;
      expect(manager?.name).toBe("Bob");
      expect((await (await manager!.department).members).map((user) => user.name)).toEqual(["Ann", "Bob"]);
      expect((await manager!.managed).map((department) => department.name)).toEqual(["Research"]);
      const research = await db.find(Department.name.eq("Research")).one().value;
      expect((await (await research.manager)!.department).name).toBe("Research");
      const plusOne = await db.find(Comment.body.eq("+1")).one().value;
      expect((await (await (await plusOne.author).department).manager)?.name).toBe("Dee");
    });

    it("follows a composite reference on both parts of the key: a visit's site, a site's visits", async () => {
      const models = await open();
      const { db, Site, Visit } = models;
      await seedSites(db, models);
      const site = (region: string, code: string) => db.find(Site.region.eq(region), Site.code.eq(code)).one().value;
      const visitors = async (region: string, code: string) => (await (await site(region, code)).visits).map((visit) => visit.visitor);
      expect(await visitors("eu", "b1")).toEqual(["ann"]);
      expect(await visitors("us", "b1")).toEqual(["bob", "cy"]);
      expect(await visitors("eu", "n2")).toEqual(["dee"]);
      expect(await visitors("us", "n2")).toEqual([]);
      const cy = await db.find(Visit.visitor.eq("cy")).one().value;
      expect(await cy.site).toEqual({ region: "us", code: "b1", city: "Boston" });
      const dee = await db.find(Visit.visitor.eq("dee")).one().value;
      expect((await dee.site)?.city).toBe("Nice");
    });

    it("follows many-to-many both ways through the association model, each related row once, in key order", async () => {
      const models = await open();
      const { db, Post, Tag, Student, Course } = models;
      await seedBlog(db, models);
      await seedSchool(db, models);
      const hello = await db.find(Post.title.eq("Hello")).one().value;
      expect((await hello.tags).map((tag) => tag.label)).toEqual(["news", "howto"]);
      const news = await db.find(Tag.label.eq("news")).one().value;
      expect((await news.posts).map((post) => post.title)).toEqual(["Hello", "Pitch"]);
      const sam = await db.find(Student.fullName.eq("Sam")).one().value;
      expect((await sam.courses).map((course) => course.title)).toEqual(["A", "B"]);
      const courseA = await db.find(Course.title.eq("A")).one().value;
      expect((await courseA.students).map((student) => student.fullName)).toEqual(["Sam", "Tia"]);
      expect((await (await db.find(Course.title.eq("C")).one().value).students).map((student) => student.fullName)).toEqual(["Uma"]);
    });

    it("gives null for a to-one with nothing related and [] for an empty to-many", async () => {
      const models = await open();
      const { db, Post, Department, User, Tag, Course, Node } = models;
      await seedBlog(db, models);
      await seedSchool(db, models);
      await seedTree(db, models);
      const again = await db.find(Post.title.eq("Again")).one().value;
      expect(await again.editor).toBeNull();
      expect(await again.tags).toEqual([]);
      expect(await again.comments).toEqual([]);
      const empty = await db.find(Department.name.eq("Empty")).one().value;
      expect(await empty.manager).toBeNull();
      expect(await empty.members).toEqual([]);
      const bob = await db.find(User.name.eq("Bob")).one().value;
      expect(await bob.posts).toEqual([]);
      expect(await bob.profile).toBeNull();
      expect(await (await db.find(Tag.label.eq("unused")).one().value).posts).toEqual([]);
      expect(await (await db.find(Course.title.eq("D")).one().value).students).toEqual([]);
      expect(await (await db.find(Node.name.eq("root")).one().value).parent).toBeNull();
    });

    it("loads the relations of rows from add, with the keys the database generated", async () => {
      const models = await open();
      const { db, Department, User, Post, Tag, PostTag } = models;
      const lab = await addOne(db, Department, { name: "Lab", managerId: null });
      const eve = await addOne(db, User, { name: "Eve", departmentId: idOf(lab) });
      const draft = await addOne(db, Post, { title: "Draft", authorId: idOf(eve), editorId: null });
      const tip = await addOne(db, Tag, { label: "tip" });
      await addOne(db, PostTag, { postId: idOf(draft), tagId: idOf(tip) });
      expect((await draft.author).id).toBe(idOf(eve));
      expect((await (await draft.author).department).name).toBe("Lab");
      expect((await eve.posts).map((post) => post.id)).toEqual([idOf(draft)]);
      expect((await lab.members).map((user) => user.name)).toEqual(["Eve"]);
      expect((await draft.tags).map((tag) => tag.label)).toEqual(["tip"]);
      expect((await tip.posts).map((post) => post.title)).toEqual(["Draft"]);
    });

    it("loads the relations of rows from iteration, across batches", async () => {
      const models = await open();
      const { db, Post } = models;
      await seedBlog(db, models);
      const seen: [string, string, string[]][] = [];
      for await (const post of db.find(when(Post).sort(Post.id.asc())).iterate({ batchSize: 2 })) {
        seen.push([post.title, (await post.author).name, (await post.tags).map((tag) => tag.label)]);
      }
      expect(seen).toEqual([
        ["Hello", "Ann", ["news", "howto"]],
        ["Again", "Ann", []],
        ["Pitch", "Cy", ["news"]],
      ]);
    });

    it("loads the relations of rows from all() and one()", async () => {
      const models = await open();
      const { db, User } = models;
      await seedBlog(db, models);
      const users = await db.find(when(User).sort(User.name.desc())).all().value;
      const departments = await Promise.all(users.map(async (user) => [user.name, (await user.department).name]));
      expect(departments).toEqual([["Dee", "Sales"], ["Cy", "Sales"], ["Bob", "Research"], ["Ann", "Research"]]);
      const first = await db.find(when(User).sort(User.name.asc())).one().value;
      expect((await first.posts).map((post) => post.title)).toEqual(["Hello", "Again"]);
    });
  });
}
