-- Compiled postgres SQL: logic. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## and: when(a, b)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE ("public"."Author"."active" = $1) AND ("public"."Author"."name" = $2);
--   $1 = true
--   $2 = 'Ada'

-- ## and: when(a).and(b, c)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE ("public"."Author"."active" = $1) AND ("public"."Author"."name" = $2) AND ("public"."Author"."rating" > $3);
--   $1 = true
--   $2 = 'Ada'
--   $3 = 4

-- ## or: when(a).or(b)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE ("public"."Author"."active" = $1) OR ("public"."Author"."name" = $2);
--   $1 = true
--   $2 = 'Ada'

-- ## or: when(a).or(b, c) (b and c together)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE ("public"."Author"."active" = $1) OR (("public"."Author"."name" = $2) AND ("public"."Author"."rating" > $3));
--   $1 = true
--   $2 = 'Ada'
--   $3 = 4

-- ## or: when(a).or(b).or(c)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE ("public"."Author"."active" = $1) OR ("public"."Author"."name" = $2) OR ("public"."Author"."rating" > $3);
--   $1 = true
--   $2 = 'Ada'
--   $3 = 4

-- ## and of or: when(a).or(b).and(c)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE (("public"."Author"."active" = $1) OR ("public"."Author"."name" = $2)) AND ("public"."Author"."rating" > $3);
--   $1 = true
--   $2 = 'Ada'
--   $3 = 4

-- ## not(a)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE ("public"."Author"."name" = $1) IS NOT TRUE;
--   $1 = 'Ada'

-- ## not(a or b)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE (("public"."Author"."name" = $1) OR ("public"."Author"."nick_name" IS NULL)) IS NOT TRUE;
--   $1 = 'Ada'

-- ## not(not(a))
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE (("public"."Author"."name" = $1) IS NOT TRUE) IS NOT TRUE;
--   $1 = 'Ada'

-- ## a and not(b and c)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE ("public"."Author"."active" = $1) AND ((("public"."Author"."name" = $2) AND ("public"."Author"."rating" < $3)) IS NOT TRUE);
--   $1 = true
--   $2 = 'Ada'
--   $3 = 2

-- ## nested: (a or (b and not(c))) and (d or e)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE (("public"."Author"."active" = $1) OR (("public"."Author"."name" LIKE $2 ESCAPE E'\\') AND (("public"."Author"."rating" IS NULL) IS NOT TRUE))) AND (("public"."Author"."followers" > $3) OR ("public"."Author"."born" < $4));
--   $1 = true
--   $2 = 'A%'
--   $3 = '10'
--   $4 = Date(1815-12-10T08:30:00.123Z)

-- ## the same field twice (two parameters)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE ("public"."Author"."rating" >= $1) AND ("public"."Author"."rating" <= $2);
--   $1 = 1
--   $2 = 5

-- ## count · not(a or b)
SELECT count(*) FROM "public"."Author" WHERE (("public"."Author"."name" = $1) OR ("public"."Author"."nick_name" IS NULL)) IS NOT TRUE;
--   $1 = 'Ada'

-- ## update · not(a), limit 3
UPDATE "public"."Author" SET "name" = $1 WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE ("r1"."active" = $2) IS NOT TRUE LIMIT $3);
--   $1 = 'Ada'
--   $2 = true
--   $3 = 3

-- ## delete · not(a or b)
DELETE FROM "public"."Author" WHERE (("public"."Author"."name" = $1) OR ("public"."Author"."nick_name" IS NULL)) IS NOT TRUE;
--   $1 = 'Ada'
