import { expect, it } from "vitest";
import { defineScenario, type Scenario } from "../scenario.js";
import { addOne, idOf, type RelationModelsFixture, relationOpener, seedBlog, seededBlogWithLog } from "../support/relation-models.js";

/** A relation loads when awaited, once per row; `refresh()` loads it again. */
export function relationCaching(fixture: RelationModelsFixture): Scenario {
  return defineScenario("relation-caching", `relations: caching and refresh (${fixture.library} models)`, (context) => {
    const open = relationOpener(context, fixture);

    it("runs nothing until a relation is awaited, then one query, and keeps the value for later awaits", async () => {
      const { models, db, log } = await seededBlogWithLog(open);
      const { Post } = models;
      const hello = await db.find(Post.title.eq("Hello")).one().value;
      log.clear();
      const lazy = hello.author;
      expect(hello.author).toBe(lazy);
      expect(log.calls).toEqual([]);
      const author = await hello.author;
      expect(author.name).toBe("Ann");
      expect(log.calls).toEqual(["fetch"]);
      expect(await hello.author).toBe(author);
      expect(log.calls).toEqual(["fetch"]);
    });

    it("gives the cached row after the related row changed; refresh() gives the new one, and so do later awaits", async () => {
      const models = await open();
      const { db, Post, User } = models;
      await seedBlog(db, models);
      const hello = await db.find(Post.title.eq("Hello")).one().value;
      const before = await hello.author;
      expect(await db.find(User.id.eq(idOf(before))).update({ name: "Annie" }).value).toBe(1);
      const cached = await hello.author;
      expect(cached).toBe(before);
      expect(cached.name).toBe("Ann");
      const refreshed = await hello.author.refresh();
      expect(refreshed.name).toBe("Annie");
      expect(refreshed.id).toBe(before.id);
      expect(await hello.author).toBe(refreshed);
      expect((await hello.author).name).toBe("Annie");
    });

    it("refresh() of a to-many sees the rows added and removed since it loaded", async () => {
      const models = await open();
      const { db, User, Post, Comment } = models;
      await seedBlog(db, models);
      const ann = await db.find(User.name.eq("Ann")).one().value;
      const before = await ann.posts;
      expect(before.map((post) => post.title)).toEqual(["Hello", "Again"]);
      await addOne(db, Post, { title: "Later", authorId: idOf(ann), editorId: null });
      expect(await ann.posts).toBe(before);
      expect(before.map((post) => post.title)).toEqual(["Hello", "Again"]);
      expect((await ann.posts.refresh()).map((post) => post.title)).toEqual(["Hello", "Again", "Later"]);
      expect((await ann.posts).map((post) => post.title)).toEqual(["Hello", "Again", "Later"]);
      const hello = await db.find(Post.title.eq("Hello")).one().value;
      expect((await hello.comments).map((comment) => comment.body)).toEqual(["Nice", "+1"]);
      expect(await db.find(Comment.body.eq("Nice")).delete().value).toBe(1);
      expect((await hello.comments.refresh()).map((comment) => comment.body)).toEqual(["+1"]);
    });

    it("keeps a value per row: another row of the same post loads on its own", async () => {
      const models = await open();
      const { db, Post, User } = models;
      await seedBlog(db, models);
      const first = await db.find(Post.title.eq("Hello")).one().value;
      expect((await first.author).name).toBe("Ann");
      await db.find(User.name.eq("Ann")).update({ name: "Annie" }).raiseOnErrors();
      const second = await db.find(Post.title.eq("Hello")).one().value;
      expect(second.author).not.toBe(first.author);
      expect((await second.author).name).toBe("Annie");
      expect((await first.author).name).toBe("Ann");
    });
  });
}
