-- Compiled sqlite SQL: logic. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## and: when(a, b)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ("main"."Author"."active" = ?) AND ("main"."Author"."name" = ?);
--   ?1 = 1
--   ?2 = 'Ada'

-- ## and: when(a).and(b, c)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ("main"."Author"."active" = ?) AND ("main"."Author"."name" = ?) AND ("main"."Author"."rating" > ?);
--   ?1 = 1
--   ?2 = 'Ada'
--   ?3 = 4

-- ## or: when(a).or(b)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ("main"."Author"."active" = ?) OR ("main"."Author"."name" = ?);
--   ?1 = 1
--   ?2 = 'Ada'

-- ## or: when(a).or(b, c) (b and c together)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ("main"."Author"."active" = ?) OR (("main"."Author"."name" = ?) AND ("main"."Author"."rating" > ?));
--   ?1 = 1
--   ?2 = 'Ada'
--   ?3 = 4

-- ## or: when(a).or(b).or(c)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ("main"."Author"."active" = ?) OR ("main"."Author"."name" = ?) OR ("main"."Author"."rating" > ?);
--   ?1 = 1
--   ?2 = 'Ada'
--   ?3 = 4

-- ## and of or: when(a).or(b).and(c)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE (("main"."Author"."active" = ?) OR ("main"."Author"."name" = ?)) AND ("main"."Author"."rating" > ?);
--   ?1 = 1
--   ?2 = 'Ada'
--   ?3 = 4

-- ## not(a)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ("main"."Author"."name" = ?) IS NOT TRUE;
--   ?1 = 'Ada'

-- ## not(a or b)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE (("main"."Author"."name" = ?) OR ("main"."Author"."nick_name" IS NULL)) IS NOT TRUE;
--   ?1 = 'Ada'

-- ## not(not(a))
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE (("main"."Author"."name" = ?) IS NOT TRUE) IS NOT TRUE;
--   ?1 = 'Ada'

-- ## a and not(b and c)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ("main"."Author"."active" = ?) AND ((("main"."Author"."name" = ?) AND ("main"."Author"."rating" < ?)) IS NOT TRUE);
--   ?1 = 1
--   ?2 = 'Ada'
--   ?3 = 2

-- ## nested: (a or (b and not(c))) and (d or e)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE (("main"."Author"."active" = ?) OR (((substr(CAST("main"."Author"."name" AS BLOB), 1, length(?)) = ? OR (length(?) = 0 AND "main"."Author"."name" IS NOT NULL))) AND (("main"."Author"."rating" IS NULL) IS NOT TRUE))) AND (("main"."Author"."followers" > ?) OR ("main"."Author"."born" < ?));
--   ?1 = 1
--   ?2 = bytes x'41' (UTF-8 of 'A')
--   ?3 = bytes x'41' (UTF-8 of 'A')
--   ?4 = bytes x'41' (UTF-8 of 'A')
--   ?5 = 10n
--   ?6 = -4861697399877

-- ## the same field twice (two parameters)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ("main"."Author"."rating" >= ?) AND ("main"."Author"."rating" <= ?);
--   ?1 = 1
--   ?2 = 5

-- ## count · not(a or b)
SELECT count(*) FROM "main"."Author" WHERE (("main"."Author"."name" = ?) OR ("main"."Author"."nick_name" IS NULL)) IS NOT TRUE;
--   ?1 = 'Ada'

-- ## update · not(a), limit 3
UPDATE "main"."Author" SET "name" = ? WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE ("r1"."active" = ?) IS NOT TRUE LIMIT ?);
--   ?1 = 'Ada'
--   ?2 = 1
--   ?3 = 3

-- ## delete · not(a or b)
DELETE FROM "main"."Author" WHERE (("main"."Author"."name" = ?) OR ("main"."Author"."nick_name" IS NULL)) IS NOT TRUE;
--   ?1 = 'Ada'
