-- Compiled postgres SQL: operators. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## string eq
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" = $1;
--   $1 = 'Ada'

-- ## string ne
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" <> $1;
--   $1 = 'Ada'

-- ## string gt
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" > $1;
--   $1 = 'M'

-- ## string gte
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" >= $1;
--   $1 = 'M'

-- ## string lt
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" < $1;
--   $1 = 'M'

-- ## string lte
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" <= $1;
--   $1 = 'M'

-- ## string in
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" = ANY($1::text[]);
--   $1 = '{"Ada","Grace \"Amazing\" Hopper","a,b{c}","NULL","back\\slash"}'

-- ## string notIn
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" IS NOT NULL AND NOT ("public"."Author"."name" = ANY($1::text[]));
--   $1 = '{"Ada","Grace"}'

-- ## string in (empty list)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" = ANY($1::text[]);
--   $1 = '{}'

-- ## string notIn (empty list)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" IS NOT NULL AND NOT ("public"."Author"."name" = ANY($1::text[]));
--   $1 = '{}'

-- ## string contains
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" LIKE $1 ESCAPE E'\\';
--   $1 = '%da%'

-- ## string contains (%, _ and \ are literal)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" LIKE $1 ESCAPE E'\\';
--   $1 = '%50\%\_off\\%'

-- ## string contains (control characters, a quote)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" LIKE $1 ESCAPE E'\\';
--   $1 = '%it''s⟨U+000A⟩⟨U+0009⟩indented%'

-- ## string startsWith
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" LIKE $1 ESCAPE E'\\';
--   $1 = 'Ad%'

-- ## string startsWith (empty)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" LIKE $1 ESCAPE E'\\';
--   $1 = '%'

-- ## string endsWith (non-ASCII)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" LIKE $1 ESCAPE E'\\';
--   $1 = '%çé😀'

-- ## string like
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" LIKE $1 ESCAPE E'\\';
--   $1 = 'A%a_'

-- ## string like (escaped wildcard, * and ? literal)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" LIKE $1 ESCAPE E'\\';
--   $1 = '100\%*?[x]%'

-- ## string ilike
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" ~ $1;
--   $1 = '^[Aa][Dd][Aa].*[\u00DF\u1E9E].$'

-- ## string regex
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" ~ $1;
--   $1 = '^A[a-z]+(?:ce|a)[0-9]{1,3}$'

-- ## string regex (dot, classes)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."name" ~ $1;
--   $1 = 'a.b[0-9A-Z\u005Fa-z]+[\u0009-\u000D\u0020]?[\u0000-w\u007B-\uD7FF\uE000-\U0010FFFF]'

-- ## nullable string (StoreAs nick_name) eq
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."nick_name" = $1;
--   $1 = 'Countess'

-- ## nullable string isNull
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."nick_name" IS NULL;

-- ## nullable string isNotNull
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."nick_name" IS NOT NULL;

-- ## nullable string eq(null)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."nick_name" IS NULL;

-- ## nullable string ne(null)
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."nick_name" IS NOT NULL;

-- ## nullable string ne
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."nick_name" <> $1;
--   $1 = 'Countess'

-- ## nullable string contains
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."nick_name" LIKE $1 ESCAPE E'\\';
--   $1 = '%ount%'

-- ## integer eq
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."pages" = $1;
--   $1 = 300

-- ## integer ne
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."pages" <> $1;
--   $1 = 300

-- ## integer gt
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."pages" > $1;
--   $1 = 300

-- ## integer gte
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."pages" >= $1;
--   $1 = 300

-- ## integer lt
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."pages" < $1;
--   $1 = 300

-- ## integer lte
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."pages" <= $1;
--   $1 = 300

-- ## integer in
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."pages" = ANY($1::bigint[]);
--   $1 = '{"100","200","-3"}'

-- ## integer notIn
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."pages" IS NOT NULL AND NOT ("public"."Book"."pages" = ANY($1::bigint[]));
--   $1 = '{"100","200"}'

-- ## nullable integer (reference, StoreAs writer) isNull
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."writer" IS NULL;

-- ## nullable integer eq(null)
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."writer" IS NULL;

-- ## nullable integer ne(null)
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."writer" IS NOT NULL;

-- ## nullable integer eq
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."writer" = $1;
--   $1 = 1

-- ## float eq
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."price" = $1;
--   $1 = 9.99

-- ## float eq (-0 keeps its sign)
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."price" = $1;
--   $1 = '-0'

-- ## float ne
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."price" <> $1;
--   $1 = 9.99

-- ## float gt
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."price" > $1;
--   $1 = 0.1

-- ## float gte
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."price" >= $1;
--   $1 = 0.1

-- ## float lt
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."price" < $1;
--   $1 = 1e+21

-- ## float lte
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."price" <= $1;
--   $1 = 1.5e-7

-- ## float in
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."price" = ANY($1::float8[]);
--   $1 = '{"1.5","-0","2"}'

-- ## float notIn
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."price" IS NOT NULL AND NOT ("public"."Book"."price" = ANY($1::float8[]));
--   $1 = '{"1.5","2"}'

-- ## nullable float isNull
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."rating" IS NULL;

-- ## nullable float isNotNull
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."rating" IS NOT NULL;

-- ## nullable float gte
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."rating" >= $1;
--   $1 = 4.5

-- ## boolean eq true
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1;
--   $1 = true

-- ## boolean eq false
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = $1;
--   $1 = false

-- ## boolean ne
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" <> $1;
--   $1 = true

-- ## boolean in
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" = ANY($1::bool[]);
--   $1 = '{"t","f"}'

-- ## boolean notIn
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" IS NOT NULL AND NOT ("public"."Author"."active" = ANY($1::bool[]));
--   $1 = '{"f"}'

-- ## boolean gt
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."active" > $1;
--   $1 = false

-- ## nullable boolean eq
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."inPrint" = $1;
--   $1 = true

-- ## nullable boolean isNull
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."inPrint" IS NULL;

-- ## nullable boolean eq(null)
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."inPrint" IS NULL;

-- ## nullable boolean ne(null)
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."inPrint" IS NOT NULL;

-- ## date eq
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."born" = $1;
--   $1 = Date(1815-12-10T08:30:00.123Z)

-- ## date ne
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."born" <> $1;
--   $1 = Date(1815-12-10T08:30:00.123Z)

-- ## date gt
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."born" > $1;
--   $1 = Date(1815-12-10T08:30:00.123Z)

-- ## date gte
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."born" >= $1;
--   $1 = Date(1815-12-10T08:30:00.123Z)

-- ## date lt
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."born" < $1;
--   $1 = Date(1815-12-10T08:30:00.123Z)

-- ## date lte
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."born" <= $1;
--   $1 = Date(1815-12-10T08:30:00.123Z)

-- ## date in
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."born" = ANY($1::timestamptz[]);
--   $1 = '{"1815-12-10 08:30:00.123+00","2024-02-29 23:59:59.999+00","0002-01-01 00:00:00.000+00 BC"}'

-- ## date notIn
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."born" IS NOT NULL AND NOT ("public"."Author"."born" = ANY($1::timestamptz[]));
--   $1 = '{"1815-12-10 08:30:00.123+00"}'

-- ## nullable date isNull
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."published" IS NULL;

-- ## nullable date isNotNull
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."published" IS NOT NULL;

-- ## nullable date lt
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."published" < $1;
--   $1 = Date(2024-02-29T23:59:59.999Z)

-- ## bigint eq
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."followers" = $1;
--   $1 = '9007199254740993'

-- ## bigint ne
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."followers" <> $1;
--   $1 = '0'

-- ## bigint gt
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."followers" > $1;
--   $1 = '-9223372036854775808'

-- ## bigint gte
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."followers" >= $1;
--   $1 = '1'

-- ## bigint lt
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."followers" < $1;
--   $1 = '9223372036854775807'

-- ## bigint lte
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."followers" <= $1;
--   $1 = '10'

-- ## bigint in
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."followers" = ANY($1::bigint[]);
--   $1 = '{"1","9007199254740993","-3"}'

-- ## bigint notIn
SELECT "public"."Author"."id", "public"."Author"."name", "public"."Author"."nick_name", "public"."Author"."email_address", "public"."Author"."born", "public"."Author"."active", "public"."Author"."rating", "public"."Author"."followers" FROM "public"."Author" WHERE "public"."Author"."followers" IS NOT NULL AND NOT ("public"."Author"."followers" = ANY($1::bigint[]));
--   $1 = '{"0"}'

-- ## nullable bigint isNull
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."isbn" IS NULL;

-- ## nullable bigint ne(null)
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."isbn" IS NOT NULL;

-- ## nullable bigint eq
SELECT "public"."Book"."id", "public"."Book"."title", "public"."Book"."writer", "public"."Book"."pages", "public"."Book"."price", "public"."Book"."published", "public"."Book"."inPrint", "public"."Book"."isbn" FROM "public"."Book" WHERE "public"."Book"."isbn" = $1;
--   $1 = '9780262510875'
