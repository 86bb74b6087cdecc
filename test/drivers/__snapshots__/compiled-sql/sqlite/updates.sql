-- Compiled sqlite SQL: updates. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## set string
UPDATE "main"."Author" SET "name" = ? WHERE "main"."Author"."id" = ?;
--   ?1 = 'Ada'
--   ?2 = 1

-- ## set nullable string (StoreAs nick_name) to null
UPDATE "main"."Author" SET "nick_name" = ? WHERE "main"."Author"."id" = ?;
--   ?1 = null
--   ?2 = 1

-- ## set StoreAs email_address
UPDATE "main"."Author" SET "email_address" = ? WHERE "main"."Author"."id" = ?;
--   ?1 = 'ada@example.com'
--   ?2 = 1

-- ## set date
UPDATE "main"."Author" SET "born" = ? WHERE "main"."Author"."id" = ?;
--   ?1 = -4861697399877
--   ?2 = 1

-- ## set boolean
UPDATE "main"."Author" SET "active" = ? WHERE "main"."Author"."id" = ?;
--   ?1 = 0
--   ?2 = 1

-- ## set float -0
UPDATE "main"."Author" SET "rating" = ? WHERE "main"."Author"."id" = ?;
--   ?1 = -0
--   ?2 = 1

-- ## set bigint
UPDATE "main"."Author" SET "followers" = ? WHERE "main"."Author"."id" = ?;
--   ?1 = 9007199254740993n
--   ?2 = 1

-- ## set integer (reference, StoreAs writer)
UPDATE "main"."Book" SET "writer" = ? WHERE "main"."Book"."id" = ?;
--   ?1 = 1
--   ?2 = 2

-- ## set several fields, a condition on several types, limit 10
UPDATE "main"."Author" SET "nick_name" = ?, "rating" = ?, "active" = ?, "born" = ? WHERE "main"."Author"."id" IN (SELECT "r1"."id" FROM "main"."Author" AS "r1" WHERE ("r1"."born" < ?) AND ("r1"."followers" >= ?) AND ("r1"."active" = ?) LIMIT ?);
--   ?1 = 'Countess'
--   ?2 = 4.5
--   ?3 = 0
--   ?4 = 1709251199999
--   ?5 = -4861697399877
--   ?6 = 5n
--   ?7 = 1
--   ?8 = 10
