import { expect, it } from "vitest";
import { when } from "../../src/index.js";
import { defineScenario, type Scenario } from "../scenario.js";
import { needing } from "../support/capabilities.js";
import { idOf, relationOpener, seedBlog, type RelationModelsFixture } from "../support/relation-models.js";

/** Rows read in a transaction load their relations in it, and through its database once it ended. */
export function relationTransactions(fixture: RelationModelsFixture): Scenario {
  return defineScenario("relation-transactions", `relations: in transactions (${fixture.library} models)`, (context) => {
    const open = relationOpener(context, fixture);

    it("loads the relations of a row read in a transaction inside it, seeing what it added", needing(context, ["transactions"], async () => {
      const models = await open();
      const { db, User, Post, Tag, PostTag } = models;
      await seedBlog(db, models);
      await db.transaction(async (tx) => {
        const ann = await tx.find(User.name.eq("Ann")).one().value;
        const [draft] = await tx.add(Post, { title: "Draft", authorId: idOf(ann), editorId: null }).value;
        const [secret] = await tx.add(Tag, { label: "secret" }).value;
        await tx.add(PostTag, { postId: idOf(draft!), tagId: idOf(secret!) }).raiseOnErrors();
        expect((await ann.posts).map((post) => post.title)).toEqual(["Hello", "Again", "Draft"]);
        expect((await draft!.author).name).toBe("Ann");
        expect((await draft!.tags).map((tag) => tag.label)).toEqual(["secret"]);
        const [included] = await tx.find(User.name.eq("Ann")).include({ posts: { tags: true } }).all().value;
        expect(included?.posts.map((post) => [post.title, post.tags.map((tag) => tag.label)])).toEqual([
          ["Hello", ["news", "howto"]],
          ["Again", []],
          ["Draft", ["secret"]],
        ]);
      });
      expect(await db.find(when(Post, Tag.label.eq("secret"))).count().value).toBe(1);
    }));

    it("loads the relations of a row read in a transaction through the database once the transaction ended", needing(context, ["transactions"], async () => {
      const models = await open();
      const { db, User, Post } = models;
      await seedBlog(db, models);
      const ann = await db.transaction(async (tx) => {
        const row = await tx.find(User.name.eq("Ann")).one().value;
        await tx.add(Post, { title: "Committed", authorId: idOf(row), editorId: null }).raiseOnErrors();
        return row;
      });
      expect((await ann.posts).map((post) => post.title)).toEqual(["Hello", "Again", "Committed"]);
      expect((await ann.profile)?.bio).toBe("Writes");
      expect((await (await ann.department).manager)?.name).toBe("Bob");
    }));

    it("leaves nothing of a rolled-back transaction: its rows then load what the database holds", needing(context, ["transactions"], async () => {
      const models = await open();
      const { db, Post, Tag, PostTag } = models;
      await seedBlog(db, models);
      const { hello, helloUnloaded } = await db.transaction(async (tx) => {
        const [secret] = await tx.add(Tag, { label: "secret" }).value;
        const row = await tx.find(Post.title.eq("Hello")).one().value;
        await tx.add(PostTag, { postId: idOf(row), tagId: idOf(secret!) }).raiseOnErrors();
        expect((await row.tags).map((tag) => tag.label)).toEqual(["news", "howto", "secret"]);
        const unloaded = await tx.find(Post.title.eq("Hello")).one().value;
        await tx.rollback();
        return { hello: row, helloUnloaded: unloaded };
      });
      expect((await helloUnloaded.tags).map((tag) => tag.label)).toEqual(["news", "howto"]);
      expect((await hello.tags.refresh()).map((tag) => tag.label)).toEqual(["news", "howto"]);
      expect(await db.find(Tag.label.eq("secret")).count().value).toBe(0);
      const fresh = await db.find(Post.title.eq("Hello")).one().value;
      expect((await fresh.tags).map((tag) => tag.label)).toEqual(["news", "howto"]);
    }));

    it("loads the relations of a row read in a nested transaction through the enclosing one once the nested one ended", needing(context, ["transactions", "savepoints"], async () => {
      const models = await open();
      const { db, User, Post } = models;
      await seedBlog(db, models);
      await db.transaction(async (tx) => {
        const inner = await tx.transaction(async (nested) => {
          const ann = await nested.find(User.name.eq("Ann")).one().value;
          await nested.add(Post, { title: "Nested", authorId: idOf(ann), editorId: null }).raiseOnErrors();
          return ann;
        });
        await tx.add(Post, { title: "Outer", authorId: idOf(inner), editorId: null }).raiseOnErrors();
        expect((await inner.posts).map((post) => post.title)).toEqual(["Hello", "Again", "Nested", "Outer"]);
      });
    }));
  });
}
