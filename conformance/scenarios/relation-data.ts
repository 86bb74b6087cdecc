import { expect, it } from "vitest";
import { when } from "../../src/index.js";
import { defineScenario, type Scenario } from "../scenario.js";
import { idOf, type RelationModelsFixture, relationOpener, seedBlog, seededBlogWithLog } from "../support/relation-models.js";

/** Relations are not data: never serialised (lazy ones), never written, never validated. */
export function relationData(fixture: RelationModelsFixture): Scenario {
  return defineScenario("relation-data", `relations: not data (${fixture.library} models)`, (context) => {
    const open = relationOpener(context, fixture);

    it("keeps lazy relations out of JSON.stringify, Object.keys and spread, also once they loaded", async () => {
      const models = await open();
      const { db, Comment, User } = models;
      const { ann, news } = await seedBlog(db, models);
      const nice = await db.find(Comment.body.eq("Nice")).one().value;
      const data = { id: nice.id, postId: nice.postId, authorId: nice.authorId, body: "Nice" };
      const check = () => {
        expect(JSON.parse(JSON.stringify(nice))).toEqual(data);
        expect(Object.keys(nice).sort()).toEqual(["authorId", "body", "id", "postId"]);
        expect({ ...nice }).toEqual(data);
        expect(Object.keys({ ...nice })).not.toContain("author");
      };
      check();
      expect((await nice.author).name).toBe("Bob");
      expect((await nice.post)?.title).toBe("Hello");
      check();
      const stored = await db.find(User.id.eq(idOf(ann))).one().value;
      await Promise.all([stored.posts, stored.department, stored.profile, stored.comments]);
      expect(Object.keys(stored).sort()).toEqual(["departmentId", "id", "name"]);
      // Rows from add have them too, and also keep them out.
      expect(JSON.parse(JSON.stringify(news))).toEqual({ id: news.id, label: "news" });
      expect((await news.posts).map((post) => post.title)).toEqual(["Hello", "Pitch"]);
      expect(Object.keys(news).sort()).toEqual(["id", "label"]);
    });

    it("makes included relations plain properties, serialised with the row", async () => {
      const models = await open();
      const { db, Comment } = models;
      await seedBlog(db, models);
      const nice = await db.find(Comment.body.eq("Nice")).include({ author: true }).one().value;
      const author = { id: nice.author.id, name: "Bob", departmentId: nice.author.departmentId };
      expect(JSON.parse(JSON.stringify(nice))).toEqual({ id: nice.id, postId: nice.postId, authorId: nice.authorId, body: "Nice", author });
      expect(Object.keys(nice)).toContain("author");
    });

    it("writes the model's fields only when a row with included relations is passed to add and update", async () => {
      const models = await open();
      const { db, Comment, User, Post } = models;
      await seedBlog(db, models);
      const included = await db.find(Comment.body.eq("Nice")).include({ author: true, post: { tags: true } }).one().value;
      included.author.name = "Renamed";
      const { id: _id, ...copy } = included;
      const [added] = await db.add(Comment, { ...copy, body: "Copied" }).value;
      const expected = { id: added?.id, postId: included.postId, authorId: included.authorId, body: "Copied" };
      expect(JSON.parse(JSON.stringify(added))).toEqual(expected);
      expect(JSON.parse(JSON.stringify(await db.find(Comment.body.eq("Copied")).one().value))).toEqual(expected);
      expect(await db.find(Comment.id.eq(idOf(included))).update({ ...copy, body: "Updated" }).value).toBe(1);
      const updated = await db.find(Comment.id.eq(idOf(included))).one().value;
      expect(JSON.parse(JSON.stringify(updated))).toEqual({ id: included.id, postId: included.postId, authorId: included.authorId, body: "Updated" });
      // The related rows are left as they are: nothing of them was written.
      expect(await db.find(User.name.eq("Renamed")).count().value).toBe(0);
      expect(await db.find(when(User)).count().value).toBe(4);
      expect((await db.find(Post.title.eq("Hello")).one().value).title).toBe("Hello");
    });

    it("validates and stores a row read back as its data, without loading its relations", async () => {
      const { models, db, log } = await seededBlogWithLog(open);
      const { Comment, Tag } = models;
      const unused = await db.find(Tag.label.eq("unused")).one().value;
      expect(await unused.posts).toEqual([]);
      const sold = await db.find(Comment.body.eq("Sold")).one().value;
      expect(await db.find(Tag.id.eq(idOf(unused))).delete().value).toBe(1);
      expect(await db.find(Comment.id.eq(idOf(sold))).delete().value).toBe(1);
      log.clear();
      // One relation loaded, the others not: neither is read, awaited or written by add.
      const [tag] = await db.add(Tag, unused).value;
      const [comment] = await db.add(Comment, sold).value;
      expect(log.calls).toEqual(["add", "add"]);
      expect(JSON.parse(JSON.stringify(tag))).toEqual({ id: unused.id, label: "unused" });
      expect(JSON.parse(JSON.stringify(comment))).toEqual({ id: sold.id, postId: sold.postId, authorId: sold.authorId, body: "Sold" });
      expect((await comment!.author).name).toBe("Ann");
    });
  });
}
