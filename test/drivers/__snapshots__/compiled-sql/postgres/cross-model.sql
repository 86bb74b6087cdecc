-- Compiled postgres SQL: cross-model. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## one hop forward: books whose author matches (through StoreAs writer)
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."writer" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."name" = $1);
--   $1 = 'Ada'

-- ## one hop backward: authors with a matching book
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."id" IN (SELECT "r1"."writer" FROM "public"."Book" AS "r1" WHERE "r1"."pages" > $1);
--   $1 = 300

-- ## two hops forward: chapters whose book's author matches
SELECT "public"."Chapter"."id", "public"."Chapter"."bookId", "public"."Chapter"."heading", "public"."Chapter"."words" FROM "public"."Chapter" WHERE "public"."Chapter"."bookId" IN (SELECT "r1"."id" FROM "public"."Book" AS "r1" WHERE "r1"."writer" IN (SELECT "r2"."id" FROM "public"."Author" AS "r2" WHERE "r2"."name" = $1));
--   $1 = 'Ada'

-- ## two hops backward: authors with a book with a matching chapter
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."id" IN (SELECT "r1"."writer" FROM "public"."Book" AS "r1" WHERE "r1"."id" IN (SELECT "r2"."bookId" FROM "public"."Chapter" AS "r2" WHERE "r2"."words" >= $1));
--   $1 = 1000

-- ## two hops, composite-key model: tags whose book's author matches
SELECT "public"."Tag"."bookId", "public"."Tag"."label", "public"."Tag"."weight" FROM "public"."Tag" WHERE "public"."Tag"."bookId" IN (SELECT "r1"."id" FROM "public"."Book" AS "r1" WHERE "r1"."writer" IN (SELECT "r2"."id" FROM "public"."Author" AS "r2" WHERE "r2"."active" = $1));
--   $1 = true

-- ## one hop backward to a composite-key model: books with a matching tag
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."id" IN (SELECT "r1"."bookId" FROM "public"."Tag" AS "r1" WHERE "r1"."label" = $1);
--   $1 = 'sci-fi'

-- ## own and related conditions
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE ("public"."Book"."price" < $1) AND ("public"."Book"."writer" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."name" LIKE $2 ESCAPE E'\\'));
--   $1 = 10
--   $2 = 'A%'

-- ## two conditions on the same related model
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE ("public"."Book"."writer" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."name" = $1)) AND ("public"."Book"."writer" IN (SELECT "r2"."id" FROM "public"."Author" AS "r2" WHERE "r2"."active" = $2));
--   $1 = 'Ada'
--   $2 = true

-- ## or across models
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE ("public"."Book"."price" < $1) OR ("public"."Book"."writer" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $2));
--   $1 = 10
--   $2 = false

-- ## not(related)
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE ("public"."Book"."writer" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."active" = $1)) IS NOT TRUE;
--   $1 = true

-- ## related in list (bigint)
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."writer" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."followers" = ANY($1::bigint[]));
--   $1 = '{"1","2"}'

-- ## related isNull (StoreAs nick_name)
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."writer" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."nick_name" IS NULL);

-- ## related, sort and limit
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."writer" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."name" = $1) ORDER BY "public"."Book"."title" ASC LIMIT $2 OFFSET $3;
--   $1 = 'Ada'
--   $2 = 10
--   $3 = 20

-- ## count · one hop forward
SELECT count(*) FROM "public"."Book" WHERE "public"."Book"."writer" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE "r1"."name" = $1);
--   $1 = 'Ada'

-- ## count · two hops backward, limit 10
SELECT count(*) FROM (SELECT 1 FROM "public"."Author" WHERE "public"."Author"."id" IN (SELECT "r1"."writer" FROM "public"."Book" AS "r1" WHERE "r1"."id" IN (SELECT "r2"."bookId" FROM "public"."Chapter" AS "r2" WHERE "r2"."words" >= $1)) LIMIT $2) AS "window";
--   $1 = 1000
--   $2 = 10

-- ## update · one hop forward, sort price desc, limit 10 (aliases r1, r2)
UPDATE "public"."Book" SET "inPrint" = $1 WHERE "public"."Book"."id" IN (SELECT "r1"."id" FROM "public"."Book" AS "r1" WHERE "r1"."writer" IN (SELECT "r2"."id" FROM "public"."Author" AS "r2" WHERE "r2"."name" = $2) ORDER BY "r1"."price" DESC LIMIT $3);
--   $1 = false
--   $2 = 'Ada'
--   $3 = 10

-- ## delete · two hops forward
DELETE FROM "public"."Chapter" WHERE "public"."Chapter"."bookId" IN (SELECT "r1"."id" FROM "public"."Book" AS "r1" WHERE "r1"."writer" IN (SELECT "r2"."id" FROM "public"."Author" AS "r2" WHERE "r2"."name" = $1));
--   $1 = 'Ada'

-- ## delete · two hops forward, limit 10 offset 20
DELETE FROM "public"."Chapter" WHERE "public"."Chapter"."id" IN (SELECT "r1"."id" FROM "public"."Chapter" AS "r1" WHERE "r1"."bookId" IN (SELECT "r2"."id" FROM "public"."Book" AS "r2" WHERE "r2"."writer" IN (SELECT "r3"."id" FROM "public"."Author" AS "r3" WHERE "r3"."name" = $1)) LIMIT $2 OFFSET $3);
--   $1 = 'Ada'
--   $2 = 10
--   $3 = 20

-- ## delete · composite key, related, limit 5
DELETE FROM "public"."Tag" WHERE ("public"."Tag"."bookId", "public"."Tag"."label") IN (SELECT "r1"."bookId", "r1"."label" FROM "public"."Tag" AS "r1" WHERE "r1"."bookId" IN (SELECT "r2"."id" FROM "public"."Book" AS "r2" WHERE "r2"."writer" IN (SELECT "r3"."id" FROM "public"."Author" AS "r3" WHERE "r3"."active" = $1)) LIMIT $2);
--   $1 = false
--   $2 = 5
