-- Compiled sqlite SQL: shapes. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## select · every row
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author";

-- ## count · every row
SELECT count(*) FROM "main"."Author";

-- ## update · every row
UPDATE "main"."Author" SET "name" = ?;
--   ?1 = 'Ada'

-- ## delete · every row
DELETE FROM "main"."Author";

-- ## select · every row, limit 10 offset 20
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" LIMIT ? OFFSET ?;
--   ?1 = 10
--   ?2 = 20

-- ## count · every row, limit 10 offset 20
SELECT count(*) FROM (SELECT 1 FROM "main"."Author" LIMIT ? OFFSET ?) AS "window";
--   ?1 = 10
--   ?2 = 20

-- ## update · every row, limit 10 offset 20
UPDATE "main"."Author" SET "name" = ? WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" LIMIT ? OFFSET ?);
--   ?1 = 'Ada'
--   ?2 = 10
--   ?3 = 20

-- ## delete · every row, limit 10 offset 20
DELETE FROM "main"."Author" WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" LIMIT ? OFFSET ?);
--   ?1 = 10
--   ?2 = 20

-- ## select · a condition
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ?;
--   ?1 = 1

-- ## count · a condition
SELECT count(*) FROM "main"."Author" WHERE "main"."Author"."active" = ?;
--   ?1 = 1

-- ## update · a condition
UPDATE "main"."Author" SET "name" = ? WHERE "main"."Author"."active" = ?;
--   ?1 = 'Ada'
--   ?2 = 1

-- ## delete · a condition
DELETE FROM "main"."Author" WHERE "main"."Author"."active" = ?;
--   ?1 = 1

-- ## select · a condition, limit 10
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ? LIMIT ?;
--   ?1 = 1
--   ?2 = 10

-- ## count · a condition, limit 10
SELECT count(*) FROM (SELECT 1 FROM "main"."Author" WHERE "main"."Author"."active" = ? LIMIT ?) AS "window";
--   ?1 = 1
--   ?2 = 10

-- ## update · a condition, limit 10
UPDATE "main"."Author" SET "name" = ? WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? LIMIT ?);
--   ?1 = 'Ada'
--   ?2 = 1
--   ?3 = 10

-- ## delete · a condition, limit 10
DELETE FROM "main"."Author" WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? LIMIT ?);
--   ?1 = 1
--   ?2 = 10

-- ## select · a condition, limit 10 offset 20
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ? LIMIT ? OFFSET ?;
--   ?1 = 1
--   ?2 = 10
--   ?3 = 20

-- ## count · a condition, limit 10 offset 20
SELECT count(*) FROM (SELECT 1 FROM "main"."Author" WHERE "main"."Author"."active" = ? LIMIT ? OFFSET ?) AS "window";
--   ?1 = 1
--   ?2 = 10
--   ?3 = 20

-- ## update · a condition, limit 10 offset 20
UPDATE "main"."Author" SET "name" = ? WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? LIMIT ? OFFSET ?);
--   ?1 = 'Ada'
--   ?2 = 1
--   ?3 = 10
--   ?4 = 20

-- ## delete · a condition, limit 10 offset 20
DELETE FROM "main"."Author" WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? LIMIT ? OFFSET ?);
--   ?1 = 1
--   ?2 = 10
--   ?3 = 20

-- ## select · a condition, limit 0
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ? LIMIT ?;
--   ?1 = 1
--   ?2 = 0

-- ## count · a condition, limit 0
SELECT count(*) FROM (SELECT 1 FROM "main"."Author" WHERE "main"."Author"."active" = ? LIMIT ?) AS "window";
--   ?1 = 1
--   ?2 = 0

-- ## update · a condition, limit 0
UPDATE "main"."Author" SET "name" = ? WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? LIMIT ?);
--   ?1 = 'Ada'
--   ?2 = 1
--   ?3 = 0

-- ## delete · a condition, limit 0
DELETE FROM "main"."Author" WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? LIMIT ?);
--   ?1 = 1
--   ?2 = 0

-- ## select · a condition, offset 20 without limit
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ? LIMIT -1 OFFSET ?;
--   ?1 = 1
--   ?2 = 20

-- ## count · a condition, offset 20 without limit
SELECT count(*) FROM (SELECT 1 FROM "main"."Author" WHERE "main"."Author"."active" = ? LIMIT -1 OFFSET ?) AS "window";
--   ?1 = 1
--   ?2 = 20

-- ## update · a condition, offset 20 without limit
UPDATE "main"."Author" SET "name" = ? WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? LIMIT -1 OFFSET ?);
--   ?1 = 'Ada'
--   ?2 = 1
--   ?3 = 20

-- ## delete · a condition, offset 20 without limit
DELETE FROM "main"."Author" WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? LIMIT -1 OFFSET ?);
--   ?1 = 1
--   ?2 = 20

-- ## select · a condition, sort name asc, limit 10 offset 20
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ? ORDER BY "main"."Author"."name" ASC LIMIT ? OFFSET ?;
--   ?1 = 1
--   ?2 = 10
--   ?3 = 20

-- ## count · a condition, sort name asc, limit 10 offset 20
SELECT count(*) FROM (SELECT 1 FROM "main"."Author" WHERE "main"."Author"."active" = ? ORDER BY "main"."Author"."name" ASC LIMIT ? OFFSET ?) AS "window";
--   ?1 = 1
--   ?2 = 10
--   ?3 = 20

-- ## update · a condition, sort name asc, limit 10 offset 20
UPDATE "main"."Author" SET "name" = ? WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? ORDER BY "r1"."name" ASC LIMIT ? OFFSET ?);
--   ?1 = 'Ada'
--   ?2 = 1
--   ?3 = 10
--   ?4 = 20

-- ## delete · a condition, sort name asc, limit 10 offset 20
DELETE FROM "main"."Author" WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ? ORDER BY "r1"."name" ASC LIMIT ? OFFSET ?);
--   ?1 = 1
--   ?2 = 10
--   ?3 = 20

-- ## select · a condition, as one() prepares it (limit 1)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ? LIMIT ?;
--   ?1 = 1
--   ?2 = 1

-- ## select · a condition, limit 5, as one() prepares it (limit 1)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ? LIMIT ?;
--   ?1 = 1
--   ?2 = 1

-- ## selectFirst · every row, as one() prepares it (limit 1)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author";

-- ## selectFirst · a condition, as one() prepares it (limit 1)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ?;
--   ?1 = 1

-- ## selectFirst · a condition, limit 5, as one() prepares it (limit 1)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ?;
--   ?1 = 1

-- ## selectFirst · a condition, sort rating desc, name asc, as one() prepares it (limit 1)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ? ORDER BY "main"."Author"."rating" DESC NULLS LAST, "main"."Author"."name" ASC;
--   ?1 = 1

-- ## selectFirst · composite key (Tag), a condition, as one() prepares it (limit 1)
SELECT "main"."Tag"."bookId", "main"."Tag"."label", "main"."Tag"."weight" FROM "main"."Tag" WHERE "main"."Tag"."bookId" = ?;
--   ?1 = 7

-- ## select · composite key (Tag), a condition
SELECT "main"."Tag"."bookId", "main"."Tag"."label", "main"."Tag"."weight" FROM "main"."Tag" WHERE "main"."Tag"."bookId" = ?;
--   ?1 = 7

-- ## count · composite key (Tag), a condition
SELECT count(*) FROM "main"."Tag" WHERE "main"."Tag"."bookId" = ?;
--   ?1 = 7

-- ## update · composite key (Tag), a condition
UPDATE "main"."Tag" SET "weight" = ? WHERE "main"."Tag"."bookId" = ?;
--   ?1 = 0.5
--   ?2 = 7

-- ## delete · composite key (Tag), a condition
DELETE FROM "main"."Tag" WHERE "main"."Tag"."bookId" = ?;
--   ?1 = 7

-- ## select · composite key (Tag), sort label desc, limit 10 offset 20
SELECT "main"."Tag"."bookId", "main"."Tag"."label", "main"."Tag"."weight" FROM "main"."Tag" WHERE "main"."Tag"."bookId" = ? ORDER BY "main"."Tag"."label" DESC LIMIT ? OFFSET ?;
--   ?1 = 7
--   ?2 = 10
--   ?3 = 20

-- ## count · composite key (Tag), sort label desc, limit 10 offset 20
SELECT count(*) FROM (SELECT 1 FROM "main"."Tag" WHERE "main"."Tag"."bookId" = ? ORDER BY "main"."Tag"."label" DESC LIMIT ? OFFSET ?) AS "window";
--   ?1 = 7
--   ?2 = 10
--   ?3 = 20

-- ## update · composite key (Tag), sort label desc, limit 10 offset 20
UPDATE "main"."Tag" SET "weight" = ? WHERE ("main"."Tag"."bookId", "main"."Tag"."label") IN (SELECT "r1"."bookId", "r1"."label" FROM "main"."Tag" AS "r1" WHERE "r1"."bookId" = ? ORDER BY "r1"."label" DESC LIMIT ? OFFSET ?);
--   ?1 = 0.5
--   ?2 = 7
--   ?3 = 10
--   ?4 = 20

-- ## delete · composite key (Tag), sort label desc, limit 10 offset 20
DELETE FROM "main"."Tag" WHERE ("main"."Tag"."bookId", "main"."Tag"."label") IN (SELECT "r1"."bookId", "r1"."label" FROM "main"."Tag" AS "r1" WHERE "r1"."bookId" = ? ORDER BY "r1"."label" DESC LIMIT ? OFFSET ?);
--   ?1 = 7
--   ?2 = 10
--   ?3 = 20
