import { expect, it } from "vitest";
import { when } from "../../src/index.js";
import { defineScenario, type Scenario } from "../scenario.js";
import { relationOpener, seedBlog, seedSchool, seedSites, type RelationModelsFixture } from "../support/relation-models.js";
import { fieldOf } from "../support/results.js";

/** Conditions on related models (`when(Student, Course.title.eq("A"))`), in find, update and delete. */
export function relationFilters(fixture: RelationModelsFixture): Scenario {
  return defineScenario("relation-filters", `relations: conditions across relations (${fixture.library} models)`, (context) => {
    const open = relationOpener(context, fixture);

    it("selects through an association model, both ways", async () => {
      const models = await open();
      const { db, Student, Course, Post, Tag } = models;
      await seedBlog(db, models);
      await seedSchool(db, models);
      expect(await fieldOf(db.find(when(Student, Course.title.eq("A")).sort(Student.id.asc())), "fullName")).toEqual(["Sam", "Tia"]);
      expect(await fieldOf(db.find(when(Student, Course.title.in(["B", "C"])).sort(Student.id.asc())), "fullName")).toEqual(["Sam", "Uma"]);
      expect(await fieldOf(db.find(when(Course, Student.fullName.eq("Sam")).sort(Course.id.asc())), "title")).toEqual(["A", "B"]);
      expect(await db.find(when(Course, Student.fullName.eq("Nobody"))).count().value).toBe(0);
      expect(await fieldOf(db.find(when(Post, Tag.label.eq("news")).sort(Post.id.asc())), "title")).toEqual(["Hello", "Pitch"]);
      expect(await fieldOf(db.find(when(Tag, Post.title.eq("Hello")).sort(Tag.id.asc())), "label")).toEqual(["news", "howto"]);
      expect(await fieldOf(db.find(when(Student, Course.title.eq("A")).and(Student.fullName.ne("Sam"))), "fullName")).toEqual(["Tia"]);
    });

    it("selects by a composite reference, matching both parts of the key", async () => {
      const models = await open();
      const { db, Site, Visit } = models;
      await seedSites(db, models);
      expect(await fieldOf(db.find(when(Visit, Site.city.eq("Boston")).sort(Visit.visitor.asc())), "visitor")).toEqual(["bob", "cy"]);
      expect(await fieldOf(db.find(when(Visit, Site.city.eq("New York"))), "visitor")).toEqual([]);
      expect(await fieldOf(db.find(when(Site, Visit.visitor.eq("dee"))), "city")).toEqual(["Nice"]);
      expect(await fieldOf(db.find(when(Site, Visit.visitor.in(["ann", "cy"])).sort(Site.city.asc())), "city")).toEqual(["Berlin", "Boston"]);
    });

    it("updates exactly the rows a condition across relations selects", async () => {
      const models = await open();
      const { db, Student, Course, Visit, Site } = models;
      await seedSchool(db, models);
      await seedSites(db, models);
      expect(await db.find(when(Student, Course.title.eq("A"))).update({ fullName: "in A" }).value).toBe(2);
      expect(await fieldOf(db.find(when(Student).sort(Student.id.asc())), "fullName")).toEqual(["in A", "in A", "Uma"]);
      expect(await db.find(when(Course, Student.fullName.eq("Uma"))).update({ title: "Uma's" }).value).toBe(1);
      expect(await fieldOf(db.find(when(Course).sort(Course.id.asc())), "title")).toEqual(["A", "B", "Uma's", "D"]);
      expect(await db.find(when(Visit, Site.city.eq("Boston"))).update({ visitor: "someone" }).value).toBe(2);
      expect(await fieldOf(db.find(when(Visit).sort(Visit.id.asc())), "visitor")).toEqual(["ann", "someone", "someone", "dee"]);
    });

    it("deletes exactly the rows a condition across relations selects", async () => {
      const models = await open();
      const { db, Student, Course, Enrolment, Visit, Site, Comment, Tag } = models;
      await seedBlog(db, models);
      await seedSchool(db, models);
      await seedSites(db, models);
      // Comment → Post → PostTag → Tag: the comments on the one post tagged howto.
      expect(await db.find(when(Comment, Tag.label.eq("howto"))).delete().value).toBe(2);
      expect(await fieldOf(db.find(when(Comment)), "body")).toEqual(["Sold"]);
      expect(await db.find(when(Enrolment, Course.title.eq("A"))).delete().value).toBe(2);
      expect(await db.find(when(Student, Course.title.eq("A"))).count().value).toBe(0);
      const sam = await db.find(Student.fullName.eq("Sam")).one().value;
      expect((await sam.courses).map((course) => course.title)).toEqual(["B"]);
      // Tia's only enrolment is gone: through the association, she reaches no course any more.
      expect(await db.find(when(Course, Student.fullName.eq("Tia"))).delete().value).toBe(0);
      expect(await db.find(when(Course)).count().value).toBe(4);
      expect(await db.find(when(Visit, Site.region.eq("us"))).delete().value).toBe(2);
      expect(await fieldOf(db.find(when(Visit).sort(Visit.id.asc())), "visitor")).toEqual(["ann", "dee"]);
      expect(await db.find(when(Site, Visit.visitor.eq("dee"))).count().value).toBe(1);
    });
  });
}
