-- Compiled sqlite SQL: structured-writes. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## insert Order: structured values and binary data
INSERT INTO "main"."Order" ("id", "customerId", "shipping", "tags", "lines", "attributes", "extra", "receipt", "history") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);
--   ?1 = null
--   ?2 = 1
--   ?3 = '{"city":"Paris","express":true,"due":1906545600000,"weight":-0,"items":3,"cost":"9007199254740993","geo":{"lat":48.85,"lng":2.35},"notes":["fragile","😀"]}'
--   ?4 = '["gift","say \"hi\""]'
--   ?5 = '[{"sku":"A-1","qty":2,"codes":["1","18446744073709551616"]}]'
--   ?6 = '{"b":"1","a":"2"}'
--   ?7 = '{"kind":"gift","list":[1,-0],"nested":{"":null}}'
--   ?8 = bytes x'0001ff' (UTF-8 of '⟨U+0000⟩⟨U+0001⟩�')
--   ?9 = '[{"at":1},"text",null]'
-- (the same statement again)
--   ?1 = 9
--   ?2 = null
--   ?3 = null
--   ?4 = null
--   ?5 = '[]'
--   ?6 = '{}'
--   ?7 = null
--   ?8 = null
--   ?9 = '[]'

-- ## update: set a whole object, an array, a record, a JSON value and binary data
UPDATE "main"."Order" SET "shipping" = ?, "tags" = ?, "attributes" = ?, "extra" = ?, "receipt" = ? WHERE "main"."Order"."id" = ?;
--   ?1 = '{"city":"Paris","express":true,"due":1906545600000,"weight":-0,"items":3,"cost":"9007199254740993","geo":{"lat":48.85,"lng":2.35},"notes":["fragile","😀"]}'
--   ?2 = '["a"]'
--   ?3 = '{"z":"1","a":""}'
--   ?4 = '[-0,"x"]'
--   ?5 = bytes x'0908' (UTF-8 of '⟨U+0009⟩⟨U+0008⟩')
--   ?6 = 1

-- ## update: set structured values to null
UPDATE "main"."Order" SET "shipping" = ?, "receipt" = ?, "extra" = ? WHERE "main"."Order"."id" = ?;
--   ?1 = null
--   ?2 = null
--   ?3 = null
--   ?4 = 1

-- ## createTable Order
CREATE TABLE IF NOT EXISTS "main"."Order" ("id" INTEGER PRIMARY KEY , "customerId" INTEGER CONSTRAINT "Order_customerId_fkey" REFERENCES "Customer" ("id"), "shipping" TEXT, "tags" TEXT, "lines" TEXT NOT NULL, "attributes" TEXT NOT NULL, "extra" TEXT, "receipt" BLOB, "history" TEXT NOT NULL);

-- ## createTable Customer
CREATE TABLE IF NOT EXISTS "main"."Customer" ("id" INTEGER PRIMARY KEY , "profile" TEXT);

-- ## completeTable Order (every column there: its indexes, then those on paths)
CREATE UNIQUE INDEX IF NOT EXISTS "main"."Order_receipt_unique" ON "Order" ("receipt");
CREATE INDEX IF NOT EXISTS "main"."Order_shipping.city_idx" ON "Order" ((json_extract("shipping", '$."city"')));
CREATE UNIQUE INDEX IF NOT EXISTS "main"."Order_shipping.cost_unique" ON "Order" ((CAST(json_extract("shipping", '$."cost"') AS INTEGER)));

-- ## completeTable Customer (only id there)
ALTER TABLE "main"."Customer" ADD COLUMN "profile" TEXT;
CREATE INDEX IF NOT EXISTS "main"."Customer_profile.city_idx" ON "Customer" ((json_extract("profile", '$."city"')));

-- ## addColumn object
ALTER TABLE "main"."Order" ADD COLUMN "shipping" TEXT;

-- ## addColumn binary
ALTER TABLE "main"."Order" ADD COLUMN "receipt" BLOB;

-- ## createIndex Unique binary
CREATE UNIQUE INDEX IF NOT EXISTS "main"."Order_receipt_unique" ON "Order" ("receipt");
