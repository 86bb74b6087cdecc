import { expect, it } from "vitest";
import { when } from "../../src/index.js";
import { defineScenario, type Scenario } from "../scenario.js";
import { loggingDatabase, type RelationModelsFixture, relationOpener, seedBlog, seededBlogWithLog, seedPeople, seedPosts, seedSites, seedTree } from "../support/relation-models.js";

/** `find(...).include(...)`: relations loaded eagerly, as plain values, with a fixed number of queries per level. */
export function relationInclude(fixture: RelationModelsFixture): Scenario {
  return defineScenario("relation-include", `relations: include (${fixture.library} models)`, (context) => {
    const open = relationOpener(context, fixture);

    it("includes nested relations: users with their posts, each post's comments with their authors, and its tags", async () => {
      const models = await open();
      const { db, User } = models;
      await seedBlog(db, models);
      const users = await db.find(when(User).sort(User.id.asc())).include({ posts: { comments: { author: true }, tags: true }, profile: true }).all().value;
      const shown = users.map((user) => ({
        name: user.name,
        bio: user.profile?.bio ?? null,
        posts: user.posts.map((post) => ({
          title: post.title,
          comments: post.comments.map((comment) => `${comment.author.name}: ${comment.body}`),
          tags: post.tags.map((tag) => tag.label),
        })),
      }));
      expect(shown).toEqual([
        {
          name: "Ann", bio: "Writes", posts: [
            { title: "Hello", comments: ["Bob: Nice", "Cy: +1"], tags: ["news", "howto"] },
            { title: "Again", comments: [], tags: [] },
          ],
        },
        { name: "Bob", bio: null, posts: [] },
        { name: "Cy", bio: "Sells", posts: [{ title: "Pitch", comments: ["Ann: Sold"], tags: ["news"] }] },
        { name: "Dee", bio: null, posts: [] },
      ]);
    });

    it("gives rows without related rows null and [], and includes what lazy loading gives", async () => {
      const models = await open();
      const { db, Post } = models;
      await seedBlog(db, models);
      const posts = await db.find(when(Post).sort(Post.id.asc())).include({ author: true, editor: true, comments: true, tags: true }).all().value;
      const again = posts.find((post) => post.title === "Again");
      expect(again?.editor).toBeNull();
      expect(again?.comments).toEqual([]);
      expect(again?.tags).toEqual([]);
      const lazily = await db.find(when(Post).sort(Post.id.asc())).all().value;
      for (const [index, lazy] of lazily.entries()) {
        const included = posts[index]!;
        expect(included.id).toBe(lazy.id);
        expect(included.author).toEqual(await lazy.author);
        expect(included.editor).toEqual(await lazy.editor);
        expect(included.comments).toEqual(await lazy.comments);
        expect(included.tags).toEqual(await lazy.tags);
      }
    });

    it("runs the same number of statements for 3 rows and for 300: one per relation, two through an association", async () => {
      const models = await open();
      const { driver, User, Tag, Post } = models;
      const { ann, bob, cy, news, howto } = await seedBlog(models.db, models);
      await seedPosts(models.db, models, "few", 3, [ann, bob, cy], [news, howto]);
      await seedPosts(models.db, models, "many", 300, [ann, bob, cy], [news, howto]);
      const { db, log } = loggingDatabase(driver);
      const statementsFor = async (prefix: string) => {
        log.clear();
        const posts = await db.find(when(Post.title.startsWith(`${prefix} `)).sort(Post.id.asc())).include({ author: true, comments: { author: true }, tags: true }).all().value;
        return { posts, statements: log.calls.length };
      };
      const few = await statementsFor("few");
      const many = await statementsFor("many");
      expect(few.posts).toHaveLength(3);
      expect(many.posts).toHaveLength(300);
      // The posts, their authors, their comments, the comments' authors, and the tags (association, then tags).
      expect(few.statements).toBe(6);
      expect(many.statements).toBe(few.statements);
      const names = new Map((await models.db.find(when(User)).all().value).map((user) => [user.id, user.name]));
      const labels = new Map((await models.db.find(when(Tag)).all().value).map((tag) => [tag.id, tag.label]));
      for (const [index, post] of many.posts.entries()) {
        expect(post.title).toBe(`many ${index}`);
        expect(post.author.name).toBe(names.get(post.authorId));
        expect(post.comments.map((comment) => [comment.body, comment.author.name])).toEqual([[`on many ${index}`, names.get(post.comments[0]?.authorId)]]);
        expect(post.tags.map((tag) => tag.label)).toEqual([labels.get([news.id, howto.id][index % 2])]);
      }
    });

    it("includes relations with one(), and for a sorted, limited query, those of exactly its rows", async () => {
      const { models, db, log } = await seededBlogWithLog(open);
      const { Post } = models;
      const pitch = await db.find(Post.title.eq("Pitch")).include({ author: true, editor: true }).one().value;
      expect([pitch.author.name, pitch.editor?.name]).toEqual(["Cy", "Ann"]);
      expect(log.calls).toEqual(["fetch", "fetch", "fetch"]);
      const firstTwo = await db.find(when(Post).sort(Post.title.asc()).limit(2)).include({ tags: true, comments: true }).all().value;
      expect(firstTwo.map((post) => [post.title, post.tags.map((tag) => tag.label), post.comments.length])).toEqual([
        ["Again", [], 0],
        ["Hello", ["news", "howto"], 2],
      ]);
      const skipped = await db.find(when(Post).sort(Post.title.asc()).limit(1, 2)).include({ tags: true }).all().value;
      expect(skipped.map((post) => [post.title, post.tags.map((tag) => tag.label)])).toEqual([["Pitch", ["news"]]]);
    });

    it("includes per batch while iterating: the same statements for each batch, whatever its size", async () => {
      const models = await open();
      const { driver, Post } = models;
      const { ann, bob, news } = await seedBlog(models.db, models);
      await seedPosts(models.db, models, "few", 6, [ann, bob], [news]);
      await seedPosts(models.db, models, "many", 300, [ann, bob], [news]);
      const { db, log } = loggingDatabase(driver);
      /** Iterates the posts of `prefix` in three batches; the statements it ran, and what it saw. */
      const iterate = async (prefix: string, batchSize: number, include: boolean) => {
        const find = db.find(when(Post.title.startsWith(`${prefix} `)).sort(Post.id.asc()));
        const seen: string[] = [];
        log.clear();
        if (include) {
          for await (const post of find.include({ author: true, tags: true }).iterate({ batchSize })) {
            seen.push(`${post.title} by ${post.author.name}: ${post.tags.map((tag) => tag.label).join()}`);
          }
        } else {
          for await (const post of find.iterate({ batchSize })) seen.push(post.title);
        }
        return { seen, statements: log.calls.length };
      };
      for (const [prefix, batchSize, rows] of [["few", 2, 6], ["many", 100, 300]] as const) {
        const plain = await iterate(prefix, batchSize, false);
        const included = await iterate(prefix, batchSize, true);
        expect(included.seen).toEqual(Array.from({ length: rows }, (_, index) => `${prefix} ${index} by ${index % 2 === 0 ? "Ann" : "Bob"}: news`));
        // Three batches of rows, each with one query for the authors and two for the tags.
        expect(included.statements - plain.statements).toBe(3 * 3);
      }
    });

    it("includes self references, an association of a model with itself, and composite references", async () => {
      const models = await open();
      const { db, Node, Person, Site, Visit } = models;
      await seedTree(db, models);
      await seedPeople(db, models);
      await seedSites(db, models);
      const [root] = await db.find(Node.parentId.isNull()).include({ children: { children: true }, parent: true }).all().value;
      expect(root?.parent).toBeNull();
      expect(root?.children.map((child) => [child.name, child.children.map((grandchild) => grandchild.name)])).toEqual([["a", ["a1", "a2"]], ["b", []]]);
      const leaves = await db.find(when(Node.name.startsWith("a"), Node.parentId.isNotNull()).sort(Node.id.asc())).include({ parent: { parent: true } }).all().value;
      expect(leaves.map((node) => [node.name, node.parent?.name, node.parent?.parent?.name ?? null])).toEqual([["a", "root", null], ["a1", "a", "root"], ["a2", "a", "root"]]);
      const people = await db.find(when(Person).sort(Person.id.asc())).include({ bestFriend: true, friends: true }).all().value;
      expect(people.map((person) => [person.nickname, person.bestFriend?.nickname ?? null, person.friends.map((friend) => friend.nickname)])).toEqual([
        ["Ann", "Bob", ["Bob", "Cy"]],
        ["Bob", "Ann", ["Cy"]],
        ["Cy", "Ann", []],
        ["Dee", null, []],
      ]);
      const sites = await db.find(when(Site).sort(Site.region.asc(), Site.code.asc())).include({ visits: true }).all().value;
      expect(sites.map((site) => [site.city, site.visits.map((visit) => visit.visitor)])).toEqual([
        ["Berlin", ["ann"]], ["Nice", ["dee"]], ["Boston", ["bob", "cy"]], ["New York", []],
      ]);
      const visits = await db.find(when(Visit).sort(Visit.visitor.asc())).include({ site: true }).all().value;
      expect(visits.map((visit) => [visit.visitor, visit.site?.city])).toEqual([["ann", "Berlin"], ["bob", "Boston"], ["cy", "Boston"], ["dee", "Nice"]]);
    });

    it("merges two include() calls on one query", async () => {
      const models = await open();
      const { db, Post } = models;
      await seedBlog(db, models);
      const hello = await db.find(Post.title.eq("Hello")).include({ comments: { author: true } }).include({ author: true, tags: true }).one().value;
      expect(hello.author.name).toBe("Ann");
      expect(hello.comments.map((comment) => comment.author.name)).toEqual(["Bob", "Cy"]);
      expect(hello.tags.map((tag) => tag.label)).toEqual(["news", "howto"]);
    });
  });
}
