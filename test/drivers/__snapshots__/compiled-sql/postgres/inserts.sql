-- Compiled postgres SQL: inserts. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## Author: generated key, one row leaves it out, one gives it
WITH "ommi_input" AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::bool[], $7::float8[], $8::bigint[]) WITH ORDINALITY AS "ommi_input"("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "ommi_position")), "ommi_keyed" AS (SELECT COALESCE("c0", nextval((SELECT pg_get_serial_sequence($9, $10)::regclass))) AS "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "ommi_position" FROM "ommi_input"), "ommi_inserted" AS (INSERT INTO "public"."Author" ("id", "name", "nick_name", "email_address", "born", "active", "rating", "followers") SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7" FROM "ommi_keyed") SELECT "c0", (SELECT setval((SELECT pg_get_serial_sequence($11, $12)::regclass), top) FROM (SELECT max("c0") AS top FROM "ommi_input") AS given WHERE top > COALESCE(pg_sequence_last_value((SELECT pg_get_serial_sequence($13, $14)::regclass)), 0)) FROM "ommi_keyed" ORDER BY "ommi_position";
--   $1 = '{NULL,"7"}'
--   $2 = '{"Ada","Grace \"Amazing\" {Hopper}, NULL\\"}'
--   $3 = '{"Countess",NULL}'
--   $4 = '{"ada@example.com","grace@example.com"}'
--   $5 = '{"1815-12-10 08:30:00.123+00","2024-02-29 23:59:59.999+00"}'
--   $6 = '{"t","f"}'
--   $7 = '{"4.5","-0"}'
--   $8 = '{"9007199254740993","0"}'
--   $9 = '"public"."Author"'
--   $10 = 'id'
--   $11 = '"public"."Author"'
--   $12 = 'id'
--   $13 = '"public"."Author"'
--   $14 = 'id'

-- ## Book: generated key, reference (StoreAs writer), nulls
WITH "ommi_input" AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::float8[], $6::timestamptz[], $7::bool[], $8::bigint[]) WITH ORDINALITY AS "ommi_input"("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "ommi_position")), "ommi_keyed" AS (SELECT COALESCE("c0", nextval((SELECT pg_get_serial_sequence($9, $10)::regclass))) AS "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "ommi_position" FROM "ommi_input"), "ommi_inserted" AS (INSERT INTO "public"."Book" ("id", "title", "writer", "pages", "price", "published", "inPrint", "isbn") SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7" FROM "ommi_keyed") SELECT "c0", (SELECT setval((SELECT pg_get_serial_sequence($11, $12)::regclass), top) FROM (SELECT max("c0") AS top FROM "ommi_input") AS given WHERE top > COALESCE(pg_sequence_last_value((SELECT pg_get_serial_sequence($13, $14)::regclass)), 0)) FROM "ommi_keyed" ORDER BY "ommi_position";
--   $1 = '{NULL,NULL}'
--   $2 = '{"Notes","Draft"}'
--   $3 = '{"1",NULL}'
--   $4 = '{"40","0"}'
--   $5 = '{"9.99","0"}'
--   $6 = '{"2024-02-29 23:59:59.999+00",NULL}'
--   $7 = '{"t",NULL}'
--   $8 = '{"9780262510875",NULL}'
--   $9 = '"public"."Book"'
--   $10 = 'id'
--   $11 = '"public"."Book"'
--   $12 = 'id'
--   $13 = '"public"."Book"'
--   $14 = 'id'

-- ## Chapter: one row
WITH "ommi_input" AS (SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[]) WITH ORDINALITY AS "ommi_input"("c0", "c1", "c2", "c3", "ommi_position")), "ommi_keyed" AS (SELECT COALESCE("c0", nextval((SELECT pg_get_serial_sequence($5, $6)::regclass))) AS "c0", "c1", "c2", "c3", "ommi_position" FROM "ommi_input"), "ommi_inserted" AS (INSERT INTO "public"."Chapter" ("id", "bookId", "heading", "words") SELECT "c0", "c1", "c2", "c3" FROM "ommi_keyed") SELECT "c0", (SELECT setval((SELECT pg_get_serial_sequence($7, $8)::regclass), top) FROM (SELECT max("c0") AS top FROM "ommi_input") AS given WHERE top > COALESCE(pg_sequence_last_value((SELECT pg_get_serial_sequence($9, $10)::regclass)), 0)) FROM "ommi_keyed" ORDER BY "ommi_position";
--   $1 = '{NULL}'
--   $2 = '{"1"}'
--   $3 = '{"On the Engine"}'
--   $4 = '{"1200"}'
--   $5 = '"public"."Chapter"'
--   $6 = 'id'
--   $7 = '"public"."Chapter"'
--   $8 = 'id'
--   $9 = '"public"."Chapter"'
--   $10 = 'id'

-- ## Tag: composite key, no generated key; a missing optional field
INSERT INTO "public"."Tag" ("bookId", "label", "weight") SELECT * FROM unnest($1::bigint[], $2::text[], $3::float8[]);
--   $1 = '{"1","1"}'
--   $2 = '{"math","history"}'
--   $3 = '{"0.5",NULL}'
