-- Compiled sqlite SQL: ddl. Written by test/drivers/compiled-sql.test.ts; review every change.

-- ## createTable Author
CREATE TABLE IF NOT EXISTS "main"."Author" ("id" INTEGER PRIMARY KEY , "name" TEXT NOT NULL, "nick_name" TEXT, "email_address" TEXT NOT NULL, "born" INTEGER NOT NULL, "active" INTEGER NOT NULL, "rating" , "followers" INTEGER NOT NULL);

-- ## createTable Book
CREATE TABLE IF NOT EXISTS "main"."Book" ("id" INTEGER PRIMARY KEY , "title" TEXT NOT NULL, "writer" INTEGER CONSTRAINT "Book_writer_fkey" REFERENCES "Author" ("id"), "pages" INTEGER NOT NULL, "price"  NOT NULL, "published" INTEGER, "inPrint" INTEGER, "isbn" INTEGER);

-- ## createTable Chapter
CREATE TABLE IF NOT EXISTS "main"."Chapter" ("id" INTEGER PRIMARY KEY , "bookId" INTEGER NOT NULL CONSTRAINT "Chapter_bookId_fkey" REFERENCES "Book" ("id"), "heading" TEXT NOT NULL, "words" INTEGER NOT NULL);

-- ## createTable Tag
CREATE TABLE IF NOT EXISTS "main"."Tag" ("bookId" INTEGER CONSTRAINT "Tag_bookId_fkey" REFERENCES "Book" ("id"), "label" TEXT, "weight" , PRIMARY KEY ("bookId", "label"));

-- ## completeTable Author (every column there: only its indexes)
CREATE UNIQUE INDEX IF NOT EXISTS "main"."Author_email_address_unique" ON "Author" ("email_address");
CREATE INDEX IF NOT EXISTS "main"."Author_followers_idx" ON "Author" ("followers");

-- ## completeTable Book (every column there, no index: nothing to run)
-- (no statement)

-- ## completeTable Author (only id there: every other column, then indexes)
ALTER TABLE "main"."Author" ADD COLUMN "name" TEXT;
ALTER TABLE "main"."Author" ADD COLUMN "nick_name" TEXT;
ALTER TABLE "main"."Author" ADD COLUMN "email_address" TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS "main"."Author_email_address_unique" ON "Author" ("email_address");
ALTER TABLE "main"."Author" ADD COLUMN "born" INTEGER;
ALTER TABLE "main"."Author" ADD COLUMN "active" INTEGER;
ALTER TABLE "main"."Author" ADD COLUMN "rating" ;
ALTER TABLE "main"."Author" ADD COLUMN "followers" INTEGER;
CREATE INDEX IF NOT EXISTS "main"."Author_followers_idx" ON "Author" ("followers");

-- ## addColumn non-null string (added columns allow NULL)
ALTER TABLE "main"."Author" ADD COLUMN "name" TEXT;

-- ## addColumn StoreAs email_address
ALTER TABLE "main"."Author" ADD COLUMN "email_address" TEXT;

-- ## addColumn float
ALTER TABLE "main"."Author" ADD COLUMN "rating" ;

-- ## addColumn boolean
ALTER TABLE "main"."Author" ADD COLUMN "active" INTEGER;

-- ## addColumn date
ALTER TABLE "main"."Author" ADD COLUMN "born" INTEGER;

-- ## addColumn bigint
ALTER TABLE "main"."Author" ADD COLUMN "followers" INTEGER;

-- ## addColumn reference (StoreAs writer)
ALTER TABLE "main"."Book" ADD COLUMN "writer" INTEGER CONSTRAINT "Book_writer_fkey" REFERENCES "Author" ("id");

-- ## createIndex Unique (StoreAs email_address)
CREATE UNIQUE INDEX IF NOT EXISTS "main"."Author_email_address_unique" ON "Author" ("email_address");

-- ## createIndex Index
CREATE INDEX IF NOT EXISTS "main"."Author_followers_idx" ON "Author" ("followers");

-- ## dropTable Tag
DROP TABLE IF EXISTS "main"."Tag";

-- ## dropTable Chapter
DROP TABLE IF EXISTS "main"."Chapter";

-- ## dropTable Book
DROP TABLE IF EXISTS "main"."Book";

-- ## dropTable Author
DROP TABLE IF EXISTS "main"."Author";
