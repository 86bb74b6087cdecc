import { expect, it } from "vitest";
import { QueryError, when } from "../../src/index.js";
import { defineScenario, type Scenario } from "../scenario.js";
import { idOf, type RelationModelsFixture, relationOpener, seededBlogWithLog } from "../support/relation-models.js";

/** Relations asked for wrongly at run time: a QueryError that says what is wrong, and no query for it. */
export function relationErrors(fixture: RelationModelsFixture): Scenario {
  return defineScenario("relation-errors", `relations: bad input (${fixture.library} models)`, (context) => {
    const open = relationOpener(context, fixture);

    it("refuses to include a name that is no relation, at any level, with a QueryError from include()", async () => {
      const { db, Post } = await open();
      const find = db.find(when(Post));
      // The types refuse these names too; a caller without types (JavaScript, `as never`) gets the error.
      expect(() => find.include({ writer: true } as never)).toThrow(QueryError);
      expect(() => find.include({ writer: true } as never)).toThrow(/Post.*"writer"/);
      expect(() => find.include({ comments: { writer: true } } as never)).toThrow(/Comment.*"writer"/);
      expect(() => find.include({ title: true } as never)).toThrow(QueryError);
      expect(() => find.include({ author: "yes" } as never)).toThrow(QueryError);
    });

    it("refuses to load a relation of a row whose join field was deleted, naming the field, and runs no query", async () => {
      const { models, db, log } = await seededBlogWithLog(open);
      const { Post, User } = models;
      const hello = await db.find(Post.title.eq("Hello")).one().value;
      const ann = await db.find(User.name.eq("Ann")).one().value;
      const authorId = hello.authorId;
      const annId = idOf(ann);
      log.clear();
      Reflect.deleteProperty(hello, "authorId");
      Reflect.deleteProperty(ann, "id");
      await expect(Promise.resolve(hello.author)).rejects.toThrow(QueryError);
      await expect(Promise.resolve(hello.author)).rejects.toThrow(/Post\.author.*authorId/);
      await expect(Promise.resolve(ann.posts)).rejects.toThrow(/User\.posts.*\bid\b/);
      await expect(Promise.resolve(ann.profile)).rejects.toThrow(QueryError);
      expect(log.calls).toEqual([]);
      // A failed load is not kept: with the field back, the relation loads.
      hello.authorId = authorId;
      expect((await hello.author).name).toBe("Ann");
      ann.id = annId;
      expect((await ann.posts).map((post) => post.title)).toEqual(["Hello", "Again"]);
    });

    it("refuses to load a through relation of a row whose key was deleted, and runs no query", async () => {
      const { models, db, log } = await seededBlogWithLog(open);
      const { Post } = models;
      const hello = await db.find(Post.title.eq("Hello")).one().value;
      log.clear();
      Reflect.deleteProperty(hello, "id");
      await expect(Promise.resolve(hello.tags)).rejects.toThrow(/Post\.tags.*\bid\b/);
      expect(log.calls).toEqual([]);
    });
  });
}
