-- Compiled sqlite SQL: cross-model. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## one hop forward: books whose author matches (through StoreAs writer)
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."writer" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."name" = ?);
--   ?1 = 'Ada'

-- ## one hop backward: authors with a matching book
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."id" IN (SELECT "r1"."writer" FROM "main"."Book" AS "r1" WHERE "r1"."pages" > ?);
--   ?1 = 300

-- ## two hops forward: chapters whose book's author matches
SELECT "main"."Chapter"."id", "main"."Chapter"."bookId", "main"."Chapter"."heading", "main"."Chapter"."words" FROM "main"."Chapter" WHERE "main"."Chapter"."bookId" IN (SELECT "r1"."id" FROM "main"."Book" AS "r1" WHERE "r1"."writer" IN (SELECT "r2"."id" FROM "main"."Author" AS "r2" WHERE "r2"."name" = ?));
--   ?1 = 'Ada'

-- ## two hops backward: authors with a book with a matching chapter
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."id" IN (SELECT "r1"."writer" FROM "main"."Book" AS "r1" WHERE "r1"."id" IN (SELECT "r2"."bookId" FROM "main"."Chapter" AS "r2" WHERE "r2"."words" >= ?));
--   ?1 = 1000

-- ## two hops, composite-key model: tags whose book's author matches
SELECT "main"."Tag"."bookId", "main"."Tag"."label", "main"."Tag"."weight" FROM "main"."Tag" WHERE "main"."Tag"."bookId" IN (SELECT "r1"."id" FROM "main"."Book" AS "r1" WHERE "r1"."writer" IN (SELECT "r2"."id" FROM "main"."Author" AS "r2" WHERE "r2"."active" = ?));
--   ?1 = 1

-- ## one hop backward to a composite-key model: books with a matching tag
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."id" IN (SELECT "r1"."bookId" FROM "main"."Tag" AS "r1" WHERE "r1"."label" = ?);
--   ?1 = 'sci-fi'

-- ## own and related conditions
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE ("main"."Book"."price" < ?) AND ("main"."Book"."writer" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE (substr(CAST("r1"."name" AS BLOB), 1, length(?)) = ? OR (length(?) = 0 AND "r1"."name" IS NOT NULL))));
--   ?1 = 10
--   ?2 = bytes x'41' (UTF-8 of 'A')
--   ?3 = bytes x'41' (UTF-8 of 'A')
--   ?4 = bytes x'41' (UTF-8 of 'A')

-- ## two conditions on the same related model
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE ("main"."Book"."writer" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."name" = ?)) AND ("main"."Book"."writer" IN (SELECT "r2"."id" FROM "main"."Author" AS "r2" WHERE "r2"."active" = ?));
--   ?1 = 'Ada'
--   ?2 = 1

-- ## or across models
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE ("main"."Book"."price" < ?) OR ("main"."Book"."writer" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ?));
--   ?1 = 10
--   ?2 = 0

-- ## not(related)
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE ("main"."Book"."writer" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."active" = ?)) IS NOT TRUE;
--   ?1 = 1

-- ## related in list (bigint)
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."writer" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."followers" IN (SELECT value FROM json_each(?)));
--   ?1 = '[1,2]'

-- ## related isNull (StoreAs nick_name)
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."writer" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."nick_name" IS NULL);

-- ## related, sort and limit
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."writer" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."name" = ?) ORDER BY "main"."Book"."title" ASC LIMIT ? OFFSET ?;
--   ?1 = 'Ada'
--   ?2 = 10
--   ?3 = 20

-- ## count · one hop forward
SELECT count(*) FROM "main"."Book" WHERE "main"."Book"."writer" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE "r1"."name" = ?);
--   ?1 = 'Ada'

-- ## count · two hops backward, limit 10
SELECT count(*) FROM (SELECT 1 FROM "main"."Author" WHERE "main"."Author"."id" IN (SELECT "r1"."writer" FROM "main"."Book" AS "r1" WHERE "r1"."id" IN (SELECT "r2"."bookId" FROM "main"."Chapter" AS "r2" WHERE "r2"."words" >= ?)) LIMIT ?) AS "window";
--   ?1 = 1000
--   ?2 = 10

-- ## update · one hop forward, sort price desc, limit 10 (aliases r1, r2)
UPDATE "main"."Book" SET "inPrint" = ? WHERE "main"."Book"."id" IN (SELECT "r1"."id" FROM "main"."Book" AS "r1" WHERE "r1"."writer" IN (SELECT "r2"."id" FROM "main"."Author" AS "r2" WHERE "r2"."name" = ?) ORDER BY "r1"."price" DESC LIMIT ?);
--   ?1 = 0
--   ?2 = 'Ada'
--   ?3 = 10

-- ## delete · two hops forward
DELETE FROM "main"."Chapter" WHERE "main"."Chapter"."bookId" IN (SELECT "r1"."id" FROM "main"."Book" AS "r1" WHERE "r1"."writer" IN (SELECT "r2"."id" FROM "main"."Author" AS "r2" WHERE "r2"."name" = ?));
--   ?1 = 'Ada'

-- ## delete · two hops forward, limit 10 offset 20
DELETE FROM "main"."Chapter" WHERE "main"."Chapter"."id" IN (SELECT "r1"."id" FROM "main"."Chapter" AS "r1" WHERE "r1"."bookId" IN (SELECT "r2"."id" FROM "main"."Book" AS "r2" WHERE "r2"."writer" IN (SELECT "r3"."id" FROM "main"."Author" AS "r3" WHERE "r3"."name" = ?)) LIMIT ? OFFSET ?);
--   ?1 = 'Ada'
--   ?2 = 10
--   ?3 = 20

-- ## delete · composite key, related, limit 5
DELETE FROM "main"."Tag" WHERE ("main"."Tag"."bookId", "main"."Tag"."label") IN (SELECT "r1"."bookId", "r1"."label" FROM "main"."Tag" AS "r1" WHERE "r1"."bookId" IN (SELECT "r2"."id" FROM "main"."Book" AS "r2" WHERE "r2"."writer" IN (SELECT "r3"."id" FROM "main"."Author" AS "r3" WHERE "r3"."active" = ?)) LIMIT ?);
--   ?1 = 0
--   ?2 = 5
