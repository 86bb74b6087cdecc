-- Compiled postgres SQL: updates. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## set string
UPDATE "public"."Author" SET "name" = $1 WHERE "public"."Author"."id" = $2;
--   $1 = 'Ada'
--   $2 = 1

-- ## set nullable string (StoreAs nick_name) to null
UPDATE "public"."Author" SET "nick_name" = $1 WHERE "public"."Author"."id" = $2;
--   $1 = null
--   $2 = 1

-- ## set StoreAs email_address
UPDATE "public"."Author" SET "email_address" = $1 WHERE "public"."Author"."id" = $2;
--   $1 = 'ada@example.com'
--   $2 = 1

-- ## set date
UPDATE "public"."Author" SET "born" = $1 WHERE "public"."Author"."id" = $2;
--   $1 = Date(1815-12-10T08:30:00.123Z)
--   $2 = 1

-- ## set boolean
UPDATE "public"."Author" SET "active" = $1 WHERE "public"."Author"."id" = $2;
--   $1 = false
--   $2 = 1

-- ## set float -0
UPDATE "public"."Author" SET "rating" = $1 WHERE "public"."Author"."id" = $2;
--   $1 = '-0'
--   $2 = 1

-- ## set bigint
UPDATE "public"."Author" SET "followers" = $1 WHERE "public"."Author"."id" = $2;
--   $1 = '9007199254740993'
--   $2 = 1

-- ## set integer (reference, StoreAs writer)
UPDATE "public"."Book" SET "writer" = $1 WHERE "public"."Book"."id" = $2;
--   $1 = 1
--   $2 = 2

-- ## set several fields, a condition on several types, limit 10
UPDATE "public"."Author" SET "nick_name" = $1, "rating" = $2, "active" = $3, "born" = $4 WHERE "public"."Author"."id" IN (SELECT "r1"."id" FROM "public"."Author" AS "r1" WHERE ("r1"."born" < $5) AND ("r1"."followers" >= $6) AND ("r1"."active" = $7) LIMIT $8);
--   $1 = 'Countess'
--   $2 = 4.5
--   $3 = false
--   $4 = Date(2024-02-29T23:59:59.999Z)
--   $5 = Date(1815-12-10T08:30:00.123Z)
--   $6 = '5'
--   $7 = true
--   $8 = 10
