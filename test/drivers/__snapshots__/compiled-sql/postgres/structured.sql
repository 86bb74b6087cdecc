-- Compiled postgres SQL: structured. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## path string eq
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" = $1;
--   $1 = 'Paris'

-- ## path string ne
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" <> $1;
--   $1 = 'Paris'

-- ## path string gt
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" > $1;
--   $1 = 'M'

-- ## path string in
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" = ANY($1::text[]);
--   $1 = '{"Paris","Lyon"}'

-- ## path string notIn
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" IS NOT NULL AND NOT (("public"."Order"."shipping" ->> 'city') COLLATE "C" = ANY($1::text[]));
--   $1 = '{"Paris"}'

-- ## path string contains
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" LIKE $1 ESCAPE E'\\';
--   $1 = '%ar%'

-- ## path string like
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" LIKE $1 ESCAPE E'\\';
--   $1 = 'P%s'

-- ## path string regex
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" ~ $1;
--   $1 = '^P'

-- ## path string isNull
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" IS NULL;

-- ## path string isNotNull
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" IS NOT NULL;

-- ## path key with quotes and a backslash
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> E'it''s \\ "quoted"') COLLATE "C" = $1;
--   $1 = 'x'

-- ## path boolean eq
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'express')::boolean = $1;
--   $1 = true

-- ## path date gte
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'due')::bigint >= $1;
--   $1 = 1906545600000

-- ## path date in
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'due')::bigint = ANY($1::bigint[]);
--   $1 = '{"1906545600000","-4861697399877"}'

-- ## path float lt (-0)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'weight')::double precision < $1;
--   $1 = '-0'

-- ## path float in
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'weight')::double precision = ANY($1::float8[]);
--   $1 = '{"1.5","-0"}'

-- ## path integer eq
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'items')::bigint = $1;
--   $1 = 3

-- ## path bigint eq
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'cost')::numeric = $1;
--   $1 = '9007199254740993'

-- ## path bigint in
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'cost')::numeric = ANY($1::numeric[]);
--   $1 = '{"1","9007199254740993"}'

-- ## path three levels deep
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."shipping" -> 'geo' ->> 'lat')::double precision > $1;
--   $1 = 48

-- ## not(path eq)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE (("public"."Order"."shipping" ->> 'city') COLLATE "C" = $1) IS NOT TRUE;
--   $1 = 'Paris'

-- ## whole object eq
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE regexp_replace(nullif(("public"."Order"."shipping" -> 'geo')::text, 'null'), E'("(?:[^"\\\\]|\\\\.)*")|-(0)(?=[,\\]}]|$)', E'\\1\\2', 'g') = $1;
--   $1 = '{"lat":48.85,"lng":0}'

-- ## whole object ne (top level)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE "public"."Order"."attributes"::text <> $1;
--   $1 = '{"b":"1","a":"2"}'

-- ## whole object isNull (path)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE nullif(("public"."Order"."shipping" -> 'geo')::text, 'null') IS NULL;

-- ## whole JSON value eq
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE regexp_replace("public"."Order"."extra"::text, E'("(?:[^"\\\\]|\\\\.)*")|-(0)(?=[,\\]}]|$)', E'\\1\\2', 'g') = $1;
--   $1 = '{"kind":"gift","list":[1,0]}'

-- ## whole array eq
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE "public"."Order"."tags"::text = $1;
--   $1 = '["a","b"]'

-- ## binary eq
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE "public"."Order"."receipt" = $1;
--   $1 = bytes x'0001ff' (UTF-8 of '⟨U+0000⟩⟨U+0001⟩�')

-- ## binary ne
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE "public"."Order"."receipt" <> $1;
--   $1 = Uint8Array(1) [ 7 ]

-- ## has (indexed array of strings)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."tags")::jsonb @> $1::jsonb;
--   $1 = '["gift"]'

-- ## hasAny (indexed array of strings)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."tags")::jsonb @> ANY (ARRAY(SELECT jsonb_build_array("wanted"."value") FROM jsonb_array_elements($1::jsonb) AS "wanted"));
--   $1 = '["gift","rush"]'

-- ## hasAll (indexed array of strings)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE ("public"."Order"."tags")::jsonb @> $1::jsonb;
--   $1 = '["gift","rush"]'

-- ## isEmpty (top level)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE json_array_length("public"."Order"."tags")::bigint = 0;

-- ## length gte (top level)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE json_array_length("public"."Order"."tags")::bigint >= $1;
--   $1 = 2

-- ## length in (top level)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE json_array_length("public"."Order"."tags")::bigint = ANY($1::bigint[]);
--   $1 = '{"1","2"}'

-- ## not(has)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE (("public"."Order"."tags")::jsonb @> $1::jsonb) IS NOT TRUE;
--   $1 = '["gift"]'

-- ## has (an array inside an object)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE (CASE WHEN json_typeof("public"."Order"."shipping" -> 'notes') = 'array' THEN "public"."Order"."shipping" -> 'notes' END)::jsonb @> $1::jsonb;
--   $1 = '["fragile"]'

-- ## hasAll (an array inside an object)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE (CASE WHEN json_typeof("public"."Order"."shipping" -> 'notes') = 'array' THEN "public"."Order"."shipping" -> 'notes' END)::jsonb @> $1::jsonb;
--   $1 = '["fragile"]'

-- ## isEmpty (an array inside an object)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE json_array_length(CASE WHEN json_typeof("public"."Order"."shipping" -> 'notes') = 'array' THEN "public"."Order"."shipping" -> 'notes' END)::bigint = 0;

-- ## length lt (an array inside an object)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE json_array_length(CASE WHEN json_typeof("public"."Order"."shipping" -> 'notes') = 'array' THEN "public"."Order"."shipping" -> 'notes' END)::bigint < $1;
--   $1 = 3

-- ## has an object item (indexed)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE (("public"."Order"."lines")::jsonb @> jsonb_build_array($1::jsonb) AND EXISTS (SELECT 1 FROM json_array_elements("public"."Order"."lines") AS "item" WHERE regexp_replace("item"."value"::text, E'("(?:[^"\\\\]|\\\\.)*")|-(0)(?=[,\\]}]|$)', E'\\1\\2', 'g') = $2::text));
--   $1 = '{"sku":"A-1","qty":2,"codes":["1"]}'
--   $2 = '{"sku":"A-1","qty":2,"codes":["1"]}'

-- ## hasAny object items
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE EXISTS (SELECT 1 FROM json_array_elements("public"."Order"."lines") AS "item" WHERE regexp_replace("item"."value"::text, E'("(?:[^"\\\\]|\\\\.)*")|-(0)(?=[,\\]}]|$)', E'\\1\\2', 'g') IN (SELECT "wanted"."value"::text FROM json_array_elements($1::json) AS "wanted"));
--   $1 = '[{"sku":"A-1","qty":2,"codes":[]}]'

-- ## hasAll object items (indexed)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE (("public"."Order"."lines")::jsonb @> $1::jsonb AND "public"."Order"."lines" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_array_elements($2::json) AS "wanted" WHERE NOT EXISTS (SELECT 1 FROM json_array_elements("public"."Order"."lines") AS "item" WHERE regexp_replace("item"."value"::text, E'("(?:[^"\\\\]|\\\\.)*")|-(0)(?=[,\\]}]|$)', E'\\1\\2', 'g') = "wanted"."value"::text)));
--   $1 = '[{"sku":"A-1","qty":2,"codes":[]}]'
--   $2 = '[{"sku":"A-1","qty":2,"codes":[]}]'

-- ## has a JSON item
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE EXISTS (SELECT 1 FROM json_array_elements("public"."Order"."history") AS "item" WHERE regexp_replace("item"."value"::text, E'("(?:[^"\\\\]|\\\\.)*")|-(0)(?=[,\\]}]|$)', E'\\1\\2', 'g') = $1::text);
--   $1 = '{"at":1}'

-- ## some: two conditions on the item
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE EXISTS (SELECT 1 FROM json_array_elements("public"."Order"."lines") AS "i1" WHERE (("i1"."value" ->> 'sku') COLLATE "C" LIKE $1 ESCAPE E'\\') AND (("i1"."value" ->> 'qty')::bigint > $2));
--   $1 = 'A%'
--   $2 = 1

-- ## some: an item's array has
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE EXISTS (SELECT 1 FROM json_array_elements("public"."Order"."lines") AS "i1" WHERE (CASE WHEN json_typeof("i1"."value" -> 'codes') = 'array' THEN "i1"."value" -> 'codes' END)::jsonb @> $1::jsonb);
--   $1 = '["9007199254740993"]'

-- ## some inside some
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE EXISTS (SELECT 1 FROM json_array_elements("public"."Order"."lines") AS "i1" WHERE EXISTS (SELECT 1 FROM json_array_elements(CASE WHEN json_typeof("i1"."value" -> 'codes') = 'array' THEN "i1"."value" -> 'codes' END) AS "i2" WHERE ("i2"."value" #>> '{}')::numeric > $1));
--   $1 = '5'

-- ## some: the item eq an object
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE EXISTS (SELECT 1 FROM json_array_elements("public"."Order"."lines") AS "i1" WHERE regexp_replace(nullif(("i1"."value")::text, 'null'), E'("(?:[^"\\\\]|\\\\.)*")|-(0)(?=[,\\]}]|$)', E'\\1\\2', 'g') = $1);
--   $1 = '{"sku":"A-1","qty":2,"codes":[]}'

-- ## some: string items
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE EXISTS (SELECT 1 FROM json_array_elements("public"."Order"."tags") AS "i1" WHERE ("i1"."value" #>> '{}') COLLATE "C" = ANY($1::text[]));
--   $1 = '{"a","b"}'

-- ## some: an array inside an object
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE EXISTS (SELECT 1 FROM json_array_elements(CASE WHEN json_typeof("public"."Order"."shipping" -> 'notes') = 'array' THEN "public"."Order"."shipping" -> 'notes' END) AS "i1" WHERE ("i1"."value" #>> '{}') COLLATE "C" LIKE $1 ESCAPE E'\\');
--   $1 = '%glass%'

-- ## not(some)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE (EXISTS (SELECT 1 FROM json_array_elements("public"."Order"."lines") AS "i1" WHERE ("i1"."value" ->> 'qty')::bigint = $1)) IS NOT TRUE;
--   $1 = 0

-- ## sort by a path asc (NULLS FIRST)
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" ORDER BY ("public"."Order"."shipping" ->> 'city') COLLATE "C" ASC NULLS FIRST;

-- ## sort by a path desc (NULLS LAST), then the key
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" ORDER BY ("public"."Order"."shipping" ->> 'due')::bigint DESC NULLS LAST, "public"."Order"."id" ASC;

-- ## sort by a bigint path
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" ORDER BY ("public"."Order"."shipping" ->> 'cost')::numeric ASC NULLS FIRST;

-- ## related: a path on the referenced model
SELECT "public"."Order"."id", "public"."Order"."customerId", "public"."Order"."shipping", "public"."Order"."tags", "public"."Order"."lines", "public"."Order"."attributes", "public"."Order"."extra", "public"."Order"."receipt", "public"."Order"."history" FROM "public"."Order" WHERE "public"."Order"."customerId" IN (SELECT "r1"."id" FROM "public"."Customer" AS "r1" WHERE ("r1"."profile" ->> 'city') COLLATE "C" = $1);
--   $1 = 'Paris'

-- ## related: has and some from the referencing model
SELECT "public"."Customer"."id", "public"."Customer"."profile" FROM "public"."Customer" WHERE ("public"."Customer"."id" IN (SELECT "r1"."customerId" FROM "public"."Order" AS "r1" WHERE ("r1"."tags")::jsonb @> $1::jsonb)) AND ("public"."Customer"."id" IN (SELECT "r2"."customerId" FROM "public"."Order" AS "r2" WHERE EXISTS (SELECT 1 FROM json_array_elements("r2"."lines") AS "i1" WHERE ("i1"."value" ->> 'qty')::bigint > $2)));
--   $1 = '["gift"]'
--   $2 = 1

-- ## count · has
SELECT count(*) FROM "public"."Order" WHERE ("public"."Order"."tags")::jsonb @> $1::jsonb;
--   $1 = '["gift"]'

-- ## update · some, limit 10
UPDATE "public"."Order" SET "tags" = $1 WHERE "public"."Order"."id" IN (SELECT "r1"."id" FROM "public"."Order" AS "r1" WHERE EXISTS (SELECT 1 FROM json_array_elements("r1"."lines") AS "i1" WHERE ("i1"."value" ->> 'qty')::bigint = $2) LIMIT $3);
--   $1 = '["empty"]'
--   $2 = 0
--   $3 = 10

-- ## delete · path eq
DELETE FROM "public"."Order" WHERE ("public"."Order"."shipping" ->> 'city') COLLATE "C" = $1;
--   $1 = 'Paris'
