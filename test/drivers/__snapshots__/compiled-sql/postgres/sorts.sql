-- Compiled postgres SQL: sorts. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## sort name asc (not null)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" ORDER BY "public"."Author"."name" ASC;

-- ## sort name desc (not null)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" ORDER BY "public"."Author"."name" DESC;

-- ## sort rating asc (nullable: NULLS FIRST)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" ORDER BY "public"."Author"."rating" ASC NULLS FIRST;

-- ## sort rating desc (nullable: NULLS LAST)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" ORDER BY "public"."Author"."rating" DESC NULLS LAST;

-- ## sort nickname asc (nullable, StoreAs nick_name)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" ORDER BY "public"."Author"."nick_name" ASC NULLS FIRST;

-- ## sort id asc (the key)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" ORDER BY "public"."Author"."id" ASC;

-- ## sort id desc (the key)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" ORDER BY "public"."Author"."id" DESC;

-- ## sort rating desc, name asc, id asc
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" ORDER BY "public"."Author"."rating" DESC NULLS LAST, "public"."Author"."name" ASC, "public"."Author"."id" ASC;

-- ## sort born desc, then sort followers asc (two sort calls)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" ORDER BY "public"."Author"."born" DESC, "public"."Author"."followers" ASC;

-- ## a condition, sort rating desc, name asc, limit 10 offset 20
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1 ORDER BY "public"."Author"."rating" DESC NULLS LAST, "public"."Author"."name" ASC LIMIT $2 OFFSET $3;
--   $1 = true
--   $2 = 10
--   $3 = 20

-- ## count · a condition, sort rating desc, name asc, limit 10 offset 20
SELECT count(*) FROM (SELECT 1 FROM "public"."Author" WHERE "public"."Author"."active" = $1 ORDER BY "public"."Author"."rating" DESC NULLS LAST, "public"."Author"."name" ASC LIMIT $2 OFFSET $3) AS "window";
--   $1 = true
--   $2 = 10
--   $3 = 20

-- ## update · a condition, sort rating desc, name asc, limit 10 offset 20
UPDATE "public"."Author" SET "name" = $1 WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $2 ORDER BY "r1"."rating" DESC NULLS LAST, "r1"."name" ASC LIMIT $3 OFFSET $4);
--   $1 = 'Ada'
--   $2 = true
--   $3 = 10
--   $4 = 20

-- ## delete · a condition, sort rating desc, name asc, limit 10 offset 20
DELETE FROM "public"."Author" WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $1 ORDER BY "r1"."rating" DESC NULLS LAST, "r1"."name" ASC LIMIT $2 OFFSET $3);
--   $1 = true
--   $2 = 10
--   $3 = 20
