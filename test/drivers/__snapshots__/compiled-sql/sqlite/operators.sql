-- Compiled sqlite SQL: operators. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## string eq
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."name" = ?;
--   ?1 = 'Ada'

-- ## string ne
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."name" <> ?;
--   ?1 = 'Ada'

-- ## string gt
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."name" > ?;
--   ?1 = 'M'

-- ## string gte
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."name" >= ?;
--   ?1 = 'M'

-- ## string lt
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."name" < ?;
--   ?1 = 'M'

-- ## string lte
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."name" <= ?;
--   ?1 = 'M'

-- ## string in
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."name" IN (SELECT value FROM json_each(?));
--   ?1 = '["Ada","Grace \"Amazing\" Hopper","a,b{c}","NULL","back\\slash"]'

-- ## string notIn
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."name" IS NOT NULL AND NOT ("main"."Author"."name" IN (SELECT value FROM json_each(?)));
--   ?1 = '["Ada","Grace"]'

-- ## string in (empty list)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."name" IN (SELECT value FROM json_each(?));
--   ?1 = '[]'

-- ## string notIn (empty list)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."name" IS NOT NULL AND NOT ("main"."Author"."name" IN (SELECT value FROM json_each(?)));
--   ?1 = '[]'

-- ## string contains
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE instr("main"."Author"."name", ?) > 0;
--   ?1 = 'da'

-- ## string contains (%, _ and \ are literal)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE instr("main"."Author"."name", ?) > 0;
--   ?1 = '50%_off\'

-- ## string contains (control characters, a quote)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE instr("main"."Author"."name", ?) > 0;
--   ?1 = 'it''s⟨U+000A⟩⟨U+0009⟩indented'

-- ## string startsWith
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE (substr(CAST("main"."Author"."name" AS BLOB), 1, length(?)) = ? OR (length(?) = 0 AND "main"."Author"."name" IS NOT NULL));
--   ?1 = bytes x'4164' (UTF-8 of 'Ad')
--   ?2 = bytes x'4164' (UTF-8 of 'Ad')
--   ?3 = bytes x'4164' (UTF-8 of 'Ad')

-- ## string startsWith (empty)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE (substr(CAST("main"."Author"."name" AS BLOB), 1, length(?)) = ? OR (length(?) = 0 AND "main"."Author"."name" IS NOT NULL));
--   ?1 = bytes x'' (UTF-8 of '')
--   ?2 = bytes x'' (UTF-8 of '')
--   ?3 = bytes x'' (UTF-8 of '')

-- ## string endsWith (non-ASCII)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE (substr(CAST("main"."Author"."name" AS BLOB), -length(?)) = ? OR (length(?) = 0 AND "main"."Author"."name" IS NOT NULL));
--   ?1 = bytes x'c3a7c3a9f09f9880' (UTF-8 of 'çé😀')
--   ?2 = bytes x'c3a7c3a9f09f9880' (UTF-8 of 'çé😀')
--   ?3 = bytes x'c3a7c3a9f09f9880' (UTF-8 of 'çé😀')

-- ## string like
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE (CASE WHEN instr("main"."Author"."name", char(0)) = 0 AND instr(?, char(0)) = 0 THEN "main"."Author"."name" GLOB ? ELSE ommi_glob("main"."Author"."name", ?) END);
--   ?1 = 'A*a?'
--   ?2 = 'A*a?'
--   ?3 = 'A*a?'

-- ## string like (escaped wildcard, * and ? literal)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE (CASE WHEN instr("main"."Author"."name", char(0)) = 0 AND instr(?, char(0)) = 0 THEN "main"."Author"."name" GLOB ? ELSE ommi_glob("main"."Author"."name", ?) END);
--   ?1 = '100%[*][?][[]x]*'
--   ?2 = '100%[*][?][[]x]*'
--   ?3 = '100%[*][?][[]x]*'

-- ## string ilike
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ommi_ilike("main"."Author"."name", ?);
--   ?1 = 'ada%ß_'

-- ## string regex
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ommi_regexp("main"."Author"."name", ?);
--   ?1 = '^A[a-z]+(ce|a)\d{1,3}$'

-- ## string regex (dot, classes)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE ommi_regexp("main"."Author"."name", ?);
--   ?1 = 'a.b\w+\s?[^x-z]'

-- ## nullable string (StoreAs nick_name) eq
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."nick_name" = ?;
--   ?1 = 'Countess'

-- ## nullable string isNull
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."nick_name" IS NULL;

-- ## nullable string isNotNull
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."nick_name" IS NOT NULL;

-- ## nullable string eq(null)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."nick_name" IS NULL;

-- ## nullable string ne(null)
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."nick_name" IS NOT NULL;

-- ## nullable string ne
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."nick_name" <> ?;
--   ?1 = 'Countess'

-- ## nullable string contains
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE instr("main"."Author"."nick_name", ?) > 0;
--   ?1 = 'ount'

-- ## integer eq
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."pages" = ?;
--   ?1 = 300

-- ## integer ne
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."pages" <> ?;
--   ?1 = 300

-- ## integer gt
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."pages" > ?;
--   ?1 = 300

-- ## integer gte
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."pages" >= ?;
--   ?1 = 300

-- ## integer lt
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."pages" < ?;
--   ?1 = 300

-- ## integer lte
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."pages" <= ?;
--   ?1 = 300

-- ## integer in
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."pages" IN (SELECT value FROM json_each(?));
--   ?1 = '[100,200,-3]'

-- ## integer notIn
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."pages" IS NOT NULL AND NOT ("main"."Book"."pages" IN (SELECT value FROM json_each(?)));
--   ?1 = '[100,200]'

-- ## nullable integer (reference, StoreAs writer) isNull
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."writer" IS NULL;

-- ## nullable integer eq(null)
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."writer" IS NULL;

-- ## nullable integer ne(null)
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."writer" IS NOT NULL;

-- ## nullable integer eq
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."writer" = ?;
--   ?1 = 1

-- ## float eq
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."price" = ?;
--   ?1 = 9.99

-- ## float eq (-0 keeps its sign)
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."price" = ?;
--   ?1 = -0

-- ## float ne
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."price" <> ?;
--   ?1 = 9.99

-- ## float gt
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."price" > ?;
--   ?1 = 0.1

-- ## float gte
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."price" >= ?;
--   ?1 = 0.1

-- ## float lt
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."price" < ?;
--   ?1 = 1e+21

-- ## float lte
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."price" <= ?;
--   ?1 = 1.5e-7

-- ## float in
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."price" IN (SELECT value FROM json_each(?));
--   ?1 = '[1.5,0,2]'

-- ## float notIn
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."price" IS NOT NULL AND NOT ("main"."Book"."price" IN (SELECT value FROM json_each(?)));
--   ?1 = '[1.5,2]'

-- ## nullable float isNull
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."rating" IS NULL;

-- ## nullable float isNotNull
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."rating" IS NOT NULL;

-- ## nullable float gte
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."rating" >= ?;
--   ?1 = 4.5

-- ## boolean eq true
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ?;
--   ?1 = 1

-- ## boolean eq false
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" = ?;
--   ?1 = 0

-- ## boolean ne
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" <> ?;
--   ?1 = 1

-- ## boolean in
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" IN (SELECT value FROM json_each(?));
--   ?1 = '[1,0]'

-- ## boolean notIn
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" IS NOT NULL AND NOT ("main"."Author"."active" IN (SELECT value FROM json_each(?)));
--   ?1 = '[0]'

-- ## boolean gt
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."active" > ?;
--   ?1 = 0

-- ## nullable boolean eq
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."inPrint" = ?;
--   ?1 = 1

-- ## nullable boolean isNull
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."inPrint" IS NULL;

-- ## nullable boolean eq(null)
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."inPrint" IS NULL;

-- ## nullable boolean ne(null)
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."inPrint" IS NOT NULL;

-- ## date eq
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."born" = ?;
--   ?1 = -4861697399877

-- ## date ne
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."born" <> ?;
--   ?1 = -4861697399877

-- ## date gt
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."born" > ?;
--   ?1 = -4861697399877

-- ## date gte
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."born" >= ?;
--   ?1 = -4861697399877

-- ## date lt
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."born" < ?;
--   ?1 = -4861697399877

-- ## date lte
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."born" <= ?;
--   ?1 = -4861697399877

-- ## date in
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."born" IN (SELECT value FROM json_each(?));
--   ?1 = '[-4861697399877,1709251199999,-62198755200000]'

-- ## date notIn
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."born" IS NOT NULL AND NOT ("main"."Author"."born" IN (SELECT value FROM json_each(?)));
--   ?1 = '[-4861697399877]'

-- ## nullable date isNull
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."published" IS NULL;

-- ## nullable date isNotNull
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."published" IS NOT NULL;

-- ## nullable date lt
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."published" < ?;
--   ?1 = 1709251199999

-- ## bigint eq
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."followers" = ?;
--   ?1 = 9007199254740993n

-- ## bigint ne
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."followers" <> ?;
--   ?1 = 0n

-- ## bigint gt
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."followers" > ?;
--   ?1 = -9223372036854775808n

-- ## bigint gte
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."followers" >= ?;
--   ?1 = 1n

-- ## bigint lt
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."followers" < ?;
--   ?1 = 9223372036854775807n

-- ## bigint lte
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."followers" <= ?;
--   ?1 = 10n

-- ## bigint in
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."followers" IN (SELECT value FROM json_each(?));
--   ?1 = '[1,9007199254740993,-3]'

-- ## bigint notIn
SELECT "main"."Author"."id", "main"."Author"."name", "main"."Author"."nick_name", "main"."Author"."email_address", "main"."Author"."born", "main"."Author"."active", "main"."Author"."rating", "main"."Author"."followers" FROM "main"."Author" WHERE "main"."Author"."followers" IS NOT NULL AND NOT ("main"."Author"."followers" IN (SELECT value FROM json_each(?)));
--   ?1 = '[0]'

-- ## nullable bigint isNull
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."isbn" IS NULL;

-- ## nullable bigint ne(null)
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."isbn" IS NOT NULL;

-- ## nullable bigint eq
SELECT "main"."Book"."id", "main"."Book"."title", "main"."Book"."writer", "main"."Book"."pages", "main"."Book"."price", "main"."Book"."published", "main"."Book"."inPrint", "main"."Book"."isbn" FROM "main"."Book" WHERE "main"."Book"."isbn" = ?;
--   ?1 = 9780262510875n
