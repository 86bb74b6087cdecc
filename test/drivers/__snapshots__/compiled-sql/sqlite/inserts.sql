-- Compiled sqlite SQL: inserts. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## Author: generated key, one row leaves it out, one gives it
INSERT INTO "main"."Author" ("id", "name", "nick_name", "email_address", "born", "active", "rating", "followers") VALUES (?, ?, ?, ?, ?, ?, ?, ?);
--   ?1 = null
--   ?2 = 'Ada'
--   ?3 = 'Countess'
--   ?4 = 'ada@example.com'
--   ?5 = -4861697399877
--   ?6 = 1
--   ?7 = 4.5
--   ?8 = 9007199254740993n
-- (the same statement again)
--   ?1 = 7
--   ?2 = 'Grace "Amazing" {Hopper}, NULL\'
--   ?3 = null
--   ?4 = 'grace@example.com'
--   ?5 = 1709251199999
--   ?6 = 0
--   ?7 = -0
--   ?8 = 0n

-- ## Book: generated key, reference (StoreAs writer), nulls
INSERT INTO "main"."Book" ("id", "title", "writer", "pages", "price", "published", "inPrint", "isbn") VALUES (?, ?, ?, ?, ?, ?, ?, ?);
--   ?1 = null
--   ?2 = 'Notes'
--   ?3 = 1
--   ?4 = 40
--   ?5 = 9.99
--   ?6 = 1709251199999
--   ?7 = 1
--   ?8 = 9780262510875n
-- (the same statement again)
--   ?1 = null
--   ?2 = 'Draft'
--   ?3 = null
--   ?4 = 0
--   ?5 = 0
--   ?6 = null
--   ?7 = null
--   ?8 = null

-- ## Chapter: one row
INSERT INTO "main"."Chapter" ("id", "bookId", "heading", "words") VALUES (?, ?, ?, ?);
--   ?1 = null
--   ?2 = 1
--   ?3 = 'On the Engine'
--   ?4 = 1200

-- ## Tag: composite key, no generated key; a missing optional field
INSERT INTO "main"."Tag" ("bookId", "label", "weight") VALUES (?, ?, ?);
--   ?1 = 1
--   ?2 = 'math'
--   ?3 = 0.5
-- (the same statement again)
--   ?1 = 1
--   ?2 = 'history'
--   ?3 = null
