-- Compiled sqlite SQL: structured. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## path string eq
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."city"') = ?;
--   ?1 = 'Paris'

-- ## path string ne
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."city"') <> ?;
--   ?1 = 'Paris'

-- ## path string gt
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."city"') > ?;
--   ?1 = 'M'

-- ## path string in
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."city"') IN (SELECT value FROM json_each(?));
--   ?1 = '["Paris","Lyon"]'

-- ## path string notIn
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."city"') IS NOT NULL AND NOT (json_extract("main"."Order"."shipping", '$."city"') IN (SELECT value FROM json_each(?)));
--   ?1 = '["Paris"]'

-- ## path string contains
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE instr(json_extract("main"."Order"."shipping", '$."city"'), ?) > 0;
--   ?1 = 'ar'

-- ## path string like
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE (CASE WHEN instr(json_extract("main"."Order"."shipping", '$."city"'), char(0)) = 0 AND instr(?, char(0)) = 0 THEN json_extract("main"."Order"."shipping", '$."city"') GLOB ? ELSE ommi_glob(json_extract("main"."Order"."shipping", '$."city"'), ?) END);
--   ?1 = 'P*s'
--   ?2 = 'P*s'
--   ?3 = 'P*s'

-- ## path string regex
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE ommi_regexp(json_extract("main"."Order"."shipping", '$."city"'), ?);
--   ?1 = '^P'

-- ## path string isNull
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."city"') IS NULL;

-- ## path string isNotNull
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."city"') IS NOT NULL;

-- ## path key with quotes and a backslash
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."it''s \\ \"quoted\""') = ?;
--   ?1 = 'x'

-- ## path boolean eq
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."express"') = ?;
--   ?1 = 1

-- ## path date gte
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."due"') >= ?;
--   ?1 = 1906545600000

-- ## path date in
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."due"') IN (SELECT value FROM json_each(?));
--   ?1 = '[1906545600000,-4861697399877]'

-- ## path float lt (-0)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."weight"') < ?;
--   ?1 = -0

-- ## path float in
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."weight"') IN (SELECT value FROM json_each(?));
--   ?1 = '[1.5,0]'

-- ## path integer eq
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."items"') = ?;
--   ?1 = 3

-- ## path bigint eq
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE CAST(json_extract("main"."Order"."shipping", '$."cost"') AS INTEGER) = ?;
--   ?1 = 9007199254740993n

-- ## path bigint in
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE CAST(json_extract("main"."Order"."shipping", '$."cost"') AS INTEGER) IN (SELECT value FROM json_each(?));
--   ?1 = '[1,9007199254740993]'

-- ## path three levels deep
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."geo"."lat"') > ?;
--   ?1 = 48

-- ## not(path eq)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE (json_extract("main"."Order"."shipping", '$."city"') = ?) IS NOT TRUE;
--   ?1 = 'Paris'

-- ## whole object eq
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE ommi_json_zero(nullif("main"."Order"."shipping" -> '$."geo"', 'null')) = ?;
--   ?1 = '{"lat":48.85,"lng":0}'

-- ## whole object ne (top level)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE "main"."Order"."attributes" <> ?;
--   ?1 = '{"b":"1","a":"2"}'

-- ## whole object isNull (path)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE nullif("main"."Order"."shipping" -> '$."geo"', 'null') IS NULL;

-- ## whole JSON value eq
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE ommi_json_zero("main"."Order"."extra") = ?;
--   ?1 = '{"kind":"gift","list":[1,0]}'

-- ## whole array eq
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE "main"."Order"."tags" = ?;
--   ?1 = '["a","b"]'

-- ## binary eq
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE "main"."Order"."receipt" = ?;
--   ?1 = bytes x'0001ff' (UTF-8 of '⟨U+0000⟩⟨U+0001⟩�')

-- ## binary ne
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE "main"."Order"."receipt" <> ?;
--   ?1 = bytes x'07' (UTF-8 of '⟨U+0007⟩')

-- ## has (indexed array of strings)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."tags") AS "item" WHERE "item"."value" = ?);
--   ?1 = 'gift'

-- ## hasAny (indexed array of strings)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."tags") AS "item" WHERE "item"."value" IN (SELECT "wanted"."value" FROM json_each(?) AS "wanted"));
--   ?1 = '["gift","rush"]'

-- ## hasAll (indexed array of strings)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE ("main"."Order"."tags" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(?) AS "wanted" WHERE NOT EXISTS (SELECT 1 FROM json_each("main"."Order"."tags") AS "item" WHERE "item"."value" = "wanted"."value")));
--   ?1 = '["gift","rush"]'

-- ## isEmpty (top level)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_array_length("main"."Order"."tags") = 0;

-- ## length gte (top level)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_array_length("main"."Order"."tags") >= ?;
--   ?1 = 2

-- ## length in (top level)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_array_length("main"."Order"."tags") IN (SELECT value FROM json_each(?));
--   ?1 = '[1,2]'

-- ## not(has)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE (EXISTS (SELECT 1 FROM json_each("main"."Order"."tags") AS "item" WHERE "item"."value" = ?)) IS NOT TRUE;
--   ?1 = 'gift'

-- ## has (an array inside an object)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each(CASE json_type("main"."Order"."shipping", '$."notes"') WHEN 'array' THEN json_extract("main"."Order"."shipping", '$."notes"') END) AS "item" WHERE "item"."value" = ?);
--   ?1 = 'fragile'

-- ## hasAll (an array inside an object)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE (CASE json_type("main"."Order"."shipping", '$."notes"') WHEN 'array' THEN json_extract("main"."Order"."shipping", '$."notes"') END IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(?) AS "wanted" WHERE NOT EXISTS (SELECT 1 FROM json_each(CASE json_type("main"."Order"."shipping", '$."notes"') WHEN 'array' THEN json_extract("main"."Order"."shipping", '$."notes"') END) AS "item" WHERE "item"."value" = "wanted"."value")));
--   ?1 = '["fragile"]'

-- ## isEmpty (an array inside an object)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_array_length(CASE json_type("main"."Order"."shipping", '$."notes"') WHEN 'array' THEN json_extract("main"."Order"."shipping", '$."notes"') END) = 0;

-- ## length lt (an array inside an object)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE json_array_length(CASE json_type("main"."Order"."shipping", '$."notes"') WHEN 'array' THEN json_extract("main"."Order"."shipping", '$."notes"') END) < ?;
--   ?1 = 3

-- ## has an object item (indexed)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."lines") AS "item" WHERE ommi_json_zero("item"."value") = ?);
--   ?1 = '{"sku":"A-1","qty":2,"codes":["1"]}'

-- ## hasAny object items
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."lines") AS "item" WHERE ommi_json_zero("item"."value") IN (SELECT "wanted"."value" FROM json_each(?) AS "wanted"));
--   ?1 = '[{"sku":"A-1","qty":2,"codes":[]}]'

-- ## hasAll object items (indexed)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE ("main"."Order"."lines" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(?) AS "wanted" WHERE NOT EXISTS (SELECT 1 FROM json_each("main"."Order"."lines") AS "item" WHERE ommi_json_zero("item"."value") = "wanted"."value")));
--   ?1 = '[{"sku":"A-1","qty":2,"codes":[]}]'

-- ## has a JSON item
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."history") AS "item" WHERE ommi_json_zero(nullif("item"."json" -> "item"."fullkey", 'null')) = ?);
--   ?1 = '{"at":1}'

-- ## some: two conditions on the item
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."lines") AS "i1" WHERE ((substr(CAST(json_extract("i1"."value", '$."sku"') AS BLOB), 1, length(?)) = ? OR (length(?) = 0 AND json_extract("i1"."value", '$."sku"') IS NOT NULL))) AND (json_extract("i1"."value", '$."qty"') > ?));
--   ?1 = bytes x'41' (UTF-8 of 'A')
--   ?2 = bytes x'41' (UTF-8 of 'A')
--   ?3 = bytes x'41' (UTF-8 of 'A')
--   ?4 = 1

-- ## some: an item's array has
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."lines") AS "i1" WHERE EXISTS (SELECT 1 FROM json_each(CASE json_type("i1"."value", '$."codes"') WHEN 'array' THEN json_extract("i1"."value", '$."codes"') END) AS "item" WHERE "item"."value" = ?));
--   ?1 = '9007199254740993'

-- ## some inside some
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."lines") AS "i1" WHERE EXISTS (SELECT 1 FROM json_each(CASE json_type("i1"."value", '$."codes"') WHEN 'array' THEN json_extract("i1"."value", '$."codes"') END) AS "i2" WHERE CAST("i2"."value" AS INTEGER) > ?));
--   ?1 = 5n

-- ## some: the item eq an object
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."lines") AS "i1" WHERE ommi_json_zero("i1"."value") = ?);
--   ?1 = '{"sku":"A-1","qty":2,"codes":[]}'

-- ## some: string items
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."tags") AS "i1" WHERE "i1"."value" IN (SELECT value FROM json_each(?)));
--   ?1 = '["a","b"]'

-- ## some: an array inside an object
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each(CASE json_type("main"."Order"."shipping", '$."notes"') WHEN 'array' THEN json_extract("main"."Order"."shipping", '$."notes"') END) AS "i1" WHERE instr("i1"."value", ?) > 0);
--   ?1 = 'glass'

-- ## not(some)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE (EXISTS (SELECT 1 FROM json_each("main"."Order"."lines") AS "i1" WHERE json_extract("i1"."value", '$."qty"') = ?)) IS NOT TRUE;
--   ?1 = 0

-- ## sort by a path asc (NULLS FIRST)
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" ORDER BY json_extract("main"."Order"."shipping", '$."city"') ASC NULLS FIRST;

-- ## sort by a path desc (NULLS LAST), then the key
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" ORDER BY json_extract("main"."Order"."shipping", '$."due"') DESC NULLS LAST, "main"."Order"."id" ASC;

-- ## sort by a bigint path
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" ORDER BY CAST(json_extract("main"."Order"."shipping", '$."cost"') AS INTEGER) ASC NULLS FIRST;

-- ## related: a path on the referenced model
SELECT "main"."Order"."id", "main"."Order"."customerId", "main"."Order"."shipping", "main"."Order"."tags", "main"."Order"."lines", "main"."Order"."attributes", "main"."Order"."extra", "main"."Order"."receipt", "main"."Order"."history" FROM "main"."Order" WHERE "main"."Order"."customerId" IN (SELECT "r1"."id" FROM "main"."Customer" AS "r1" WHERE json_extract("r1"."profile", '$."city"') = ?);
--   ?1 = 'Paris'

-- ## related: has and some from the referencing model
SELECT "main"."Customer"."id", "main"."Customer"."profile" FROM "main"."Customer" WHERE ("main"."Customer"."id" IN (SELECT "r1"."customerId" FROM "main"."Order" AS "r1" WHERE EXISTS (SELECT 1 FROM json_each("r1"."tags") AS "item" WHERE "item"."value" = ?))) AND ("main"."Customer"."id" IN (SELECT "r2"."customerId" FROM "main"."Order" AS "r2" WHERE EXISTS (SELECT 1 FROM json_each("r2"."lines") AS "i1" WHERE json_extract("i1"."value", '$."qty"') > ?)));
--   ?1 = 'gift'
--   ?2 = 1

-- ## count · has
SELECT count(*) FROM "main"."Order" WHERE EXISTS (SELECT 1 FROM json_each("main"."Order"."tags") AS "item" WHERE "item"."value" = ?);
--   ?1 = 'gift'

-- ## update · some, limit 10
UPDATE "main"."Order" SET "tags" = ? WHERE "main"."Order"."id" IN (SELECT "r1"."id" FROM "main"."Order" AS "r1" WHERE EXISTS (SELECT 1 FROM json_each("r1"."lines") AS "i1" WHERE json_extract("i1"."value", '$."qty"') = ?) LIMIT ?);
--   ?1 = '["empty"]'
--   ?2 = 0
--   ?3 = 10

-- ## delete · path eq
DELETE FROM "main"."Order" WHERE json_extract("main"."Order"."shipping", '$."city"') = ?;
--   ?1 = 'Paris'
