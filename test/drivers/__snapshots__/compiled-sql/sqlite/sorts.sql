-- Compiled sqlite SQL: sorts. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## sort name asc (not null)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" ORDER BY "main"."Author"."name" ASC;

-- ## sort name desc (not null)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" ORDER BY "main"."Author"."name" DESC;

-- ## sort rating asc (nullable: NULLS FIRST)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" ORDER BY "main"."Author"."rating" ASC NULLS FIRST;

-- ## sort rating desc (nullable: NULLS LAST)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" ORDER BY "main"."Author"."rating" DESC NULLS LAST;

-- ## sort nickname asc (nullable, StoreAs nick_name)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" ORDER BY "main"."Author"."nick_name" ASC NULLS FIRST;

-- ## sort id asc (the key)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" ORDER BY "main"."Author"."id" ASC;

-- ## sort id desc (the key)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" ORDER BY "main"."Author"."id" DESC;

-- ## sort rating desc, name asc, id asc
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" ORDER BY "main"."Author"."rating" DESC NULLS LAST, "main"."Author"."name" ASC, "main"."Author"."id" ASC;

-- ## sort born desc, then sort followers asc (two sort calls)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" ORDER BY "main"."Author"."born" DESC, "main"."Author"."followers" ASC;

-- ## a condition, sort rating desc, name asc, limit 10 offset 20
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ? ORDER BY "main"."Author"."rating" DESC NULLS LAST, "main"."Author"."name" ASC LIMIT ? OFFSET ?;
--   ?1 = 1
--   ?2 = 10
--   ?3 = 20

-- ## count · a condition, sort rating desc, name asc, limit 10 offset 20
SELECT count(*) FROM (SELECT 1 FROM "main"."Author" WHERE "main"."Author"."active" = ? ORDER BY "main"."Author"."rating" DESC NULLS LAST, "main"."Author"."name" ASC LIMIT ? OFFSET ?) AS "window";
--   ?1 = 1
--   ?2 = 10
--   ?3 = 20

-- ## update · a condition, sort rating desc, name asc, limit 10 offset 20
UPDATE "main"."Author" SET "name" = ? WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? ORDER BY "r1"."rating" DESC NULLS LAST, "r1"."name" ASC LIMIT ? OFFSET ?);
--   ?1 = 'Ada'
--   ?2 = 1
--   ?3 = 10
--   ?4 = 20

-- ## delete · a condition, sort rating desc, name asc, limit 10 offset 20
DELETE FROM "main"."Author" WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? ORDER BY "r1"."rating" DESC NULLS LAST, "r1"."name" ASC LIMIT ? OFFSET ?);
--   ?1 = 1
--   ?2 = 10
--   ?3 = 20
