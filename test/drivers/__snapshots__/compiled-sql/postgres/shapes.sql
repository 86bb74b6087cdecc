-- Compiled postgres SQL: shapes. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## select · every row
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author";

-- ## count · every row
SELECT count(*) FROM "public"."Author";

-- ## update · every row
UPDATE "public"."Author" SET "name" = $1;
--   $1 = 'Ada'

-- ## delete · every row
DELETE FROM "public"."Author";

-- ## select · every row, limit 10 offset 20
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" LIMIT $1 OFFSET $2;
--   $1 = 10
--   $2 = 20

-- ## count · every row, limit 10 offset 20
SELECT count(*) FROM (SELECT 1 FROM "public"."Author" LIMIT $1 OFFSET $2) AS "window";
--   $1 = 10
--   $2 = 20

-- ## update · every row, limit 10 offset 20
UPDATE "public"."Author" SET "name" = $1 WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" LIMIT $2 OFFSET $3);
--   $1 = 'Ada'
--   $2 = 10
--   $3 = 20

-- ## delete · every row, limit 10 offset 20
DELETE FROM "public"."Author" WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" LIMIT $1 OFFSET $2);
--   $1 = 10
--   $2 = 20

-- ## select · a condition
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1;
--   $1 = true

-- ## count · a condition
SELECT count(*) FROM "public"."Author" WHERE "public"."Author"."active" = $1;
--   $1 = true

-- ## update · a condition
UPDATE "public"."Author" SET "name" = $1 WHERE "public"."Author"."active" = $2;
--   $1 = 'Ada'
--   $2 = true

-- ## delete · a condition
DELETE FROM "public"."Author" WHERE "public"."Author"."active" = $1;
--   $1 = true

-- ## select · a condition, limit 10
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1 LIMIT $2;
--   $1 = true
--   $2 = 10

-- ## count · a condition, limit 10
SELECT count(*) FROM (SELECT 1 FROM "public"."Author" WHERE "public"."Author"."active" = $1 LIMIT $2) AS "window";
--   $1 = true
--   $2 = 10

-- ## update · a condition, limit 10
UPDATE "public"."Author" SET "name" = $1 WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $2 LIMIT $3);
--   $1 = 'Ada'
--   $2 = true
--   $3 = 10

-- ## delete · a condition, limit 10
DELETE FROM "public"."Author" WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $1 LIMIT $2);
--   $1 = true
--   $2 = 10

-- ## select · a condition, limit 10 offset 20
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1 LIMIT $2 OFFSET $3;
--   $1 = true
--   $2 = 10
--   $3 = 20

-- ## count · a condition, limit 10 offset 20
SELECT count(*) FROM (SELECT 1 FROM "public"."Author" WHERE "public"."Author"."active" = $1 LIMIT $2 OFFSET $3) AS "window";
--   $1 = true
--   $2 = 10
--   $3 = 20

-- ## update · a condition, limit 10 offset 20
UPDATE "public"."Author" SET "name" = $1 WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $2 LIMIT $3 OFFSET $4);
--   $1 = 'Ada'
--   $2 = true
--   $3 = 10
--   $4 = 20

-- ## delete · a condition, limit 10 offset 20
DELETE FROM "public"."Author" WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $1 LIMIT $2 OFFSET $3);
--   $1 = true
--   $2 = 10
--   $3 = 20

-- ## select · a condition, limit 0
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1 LIMIT $2;
--   $1 = true
--   $2 = 0

-- ## count · a condition, limit 0
SELECT count(*) FROM (SELECT 1 FROM "public"."Author" WHERE "public"."Author"."active" = $1 LIMIT $2) AS "window";
--   $1 = true
--   $2 = 0

-- ## update · a condition, limit 0
UPDATE "public"."Author" SET "name" = $1 WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $2 LIMIT $3);
--   $1 = 'Ada'
--   $2 = true
--   $3 = 0

-- ## delete · a condition, limit 0
DELETE FROM "public"."Author" WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $1 LIMIT $2);
--   $1 = true
--   $2 = 0

-- ## select · a condition, offset 20 without limit
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1 LIMIT ALL OFFSET $2;
--   $1 = true
--   $2 = 20

-- ## count · a condition, offset 20 without limit
SELECT count(*) FROM (SELECT 1 FROM "public"."Author" WHERE "public"."Author"."active" = $1 LIMIT ALL OFFSET $2) AS "window";
--   $1 = true
--   $2 = 20

-- ## update · a condition, offset 20 without limit
UPDATE "public"."Author" SET "name" = $1 WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $2 LIMIT ALL OFFSET $3);
--   $1 = 'Ada'
--   $2 = true
--   $3 = 20

-- ## delete · a condition, offset 20 without limit
DELETE FROM "public"."Author" WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $1 LIMIT ALL OFFSET $2);
--   $1 = true
--   $2 = 20

-- ## select · a condition, sort name asc, limit 10 offset 20
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1 ORDER BY "public"."Author"."name" ASC LIMIT $2 OFFSET $3;
--   $1 = true
--   $2 = 10
--   $3 = 20

-- ## count · a condition, sort name asc, limit 10 offset 20
SELECT count(*) FROM (SELECT 1 FROM "public"."Author" WHERE "public"."Author"."active" = $1 ORDER BY "public"."Author"."name" ASC LIMIT $2 OFFSET $3) AS "window";
--   $1 = true
--   $2 = 10
--   $3 = 20

-- ## update · a condition, sort name asc, limit 10 offset 20
UPDATE "public"."Author" SET "name" = $1 WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $2 ORDER BY "r1"."name" ASC LIMIT $3 OFFSET $4);
--   $1 = 'Ada'
--   $2 = true
--   $3 = 10
--   $4 = 20

-- ## delete · a condition, sort name asc, limit 10 offset 20
DELETE FROM "public"."Author" WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $1 ORDER BY "r1"."name" ASC LIMIT $2 OFFSET $3);
--   $1 = true
--   $2 = 10
--   $3 = 20

-- ## select · a condition, as one() prepares it (limit 1)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1 LIMIT $2;
--   $1 = true
--   $2 = 1

-- ## select · a condition, limit 5, as one() prepares it (limit 1)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1 LIMIT $2;
--   $1 = true
--   $2 = 1

-- ## selectFirst · every row, as one() prepares it (limit 1)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author";

-- ## selectFirst · a condition, as one() prepares it (limit 1)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1;
--   $1 = true

-- ## selectFirst · a condition, limit 5, as one() prepares it (limit 1)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1;
--   $1 = true

-- ## selectFirst · a condition, sort rating desc, name asc, as one() prepares it (limit 1)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1 ORDER BY "public"."Author"."rating" DESC NULLS LAST, "public"."Author"."name" ASC;
--   $1 = true

-- ## selectFirst · composite key (Tag), a condition, as one() prepares it (limit 1)
SELECT "public"."Tag"."bookId", "public"."Tag"."label", "public"."Tag"."weight" FROM "public"."Tag" WHERE "public"."Tag"."bookId" = $1;
--   $1 = 7

-- ## select · composite key (Tag), a condition
SELECT "public"."Tag"."bookId", "public"."Tag"."label", "public"."Tag"."weight" FROM "public"."Tag" WHERE "public"."Tag"."bookId" = $1;
--   $1 = 7

-- ## count · composite key (Tag), a condition
SELECT count(*) FROM "public"."Tag" WHERE "public"."Tag"."bookId" = $1;
--   $1 = 7

-- ## update · composite key (Tag), a condition
UPDATE "public"."Tag" SET "weight" = $1 WHERE "public"."Tag"."bookId" = $2;
--   $1 = 0.5
--   $2 = 7

-- ## delete · composite key (Tag), a condition
DELETE FROM "public"."Tag" WHERE "public"."Tag"."bookId" = $1;
--   $1 = 7

-- ## select · composite key (Tag), sort label desc, limit 10 offset 20
SELECT "public"."Tag"."bookId", "public"."Tag"."label", "public"."Tag"."weight" FROM "public"."Tag" WHERE "public"."Tag"."bookId" = $1 ORDER BY "public"."Tag"."label" DESC LIMIT $2 OFFSET $3;
--   $1 = 7
--   $2 = 10
--   $3 = 20

-- ## count · composite key (Tag), sort label desc, limit 10 offset 20
SELECT count(*) FROM (SELECT 1 FROM "public"."Tag" WHERE "public"."Tag"."bookId" = $1 ORDER BY "public"."Tag"."label" DESC LIMIT $2 OFFSET $3) AS "window";
--   $1 = 7
--   $2 = 10
--   $3 = 20

-- ## update · composite key (Tag), sort label desc, limit 10 offset 20
UPDATE "public"."Tag" SET "weight" = $1 WHERE ("public"."Tag"."bookId", "public"."Tag"."label") IN (SELECT "r1"."bookId", "r1"."label" FROM "public"."Tag" AS "r1" WHERE "r1"."bookId" = $2 ORDER BY "r1"."label" DESC LIMIT $3 OFFSET $4);
--   $1 = 0.5
--   $2 = 7
--   $3 = 10
--   $4 = 20

-- ## delete · composite key (Tag), sort label desc, limit 10 offset 20
DELETE FROM "public"."Tag" WHERE ("public"."Tag"."bookId", "public"."Tag"."label") IN (SELECT "r1"."bookId", "r1"."label" FROM "public"."Tag" AS "r1" WHERE "r1"."bookId" = $1 ORDER BY "r1"."label" DESC LIMIT $2 OFFSET $3);
--   $1 = 7
--   $2 = 10
--   $3 = 20
