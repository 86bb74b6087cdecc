import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Auto, ConnectionError, Index, Key, metaOf, model, ModelCollection, Ommi, QueryError, ReferenceTo, Unique, type AnyFieldRef } from "ommi";
import { referencesOf, type ModelMeta, type StoredRow, type ValueType } from "ommi/driver";
// The MySQL driver's own pieces: what it writes for MariaDB and for MySQL 8, without a server.
import { mysqlDialect } from "../../drivers/mysql/dialect.js";
import { keyFiller } from "../../drivers/mysql/generated-keys.js";
import { MySQLRunner } from "../../drivers/mysql/runner.js";
import { connectMySQL } from "../../drivers/mysql/driver.js";
import { factsOf, ServerDetection, unsupported, type ServerFacts } from "../../drivers/mysql/server.js";
import { completeTable, createIndex, createTable, generatedKey } from "../../drivers/sql/ddl.js";
import { dropForeignKey } from "../../drivers/sql/foreign-keys.js";
import { StatementBuilder } from "../../drivers/sql/statements.js";
import { sql, type SQL } from "../../drivers/sql/drizzle.js";

// What differs between MariaDB and MySQL 8 is written per server (drivers/mysql/server.ts). The
// MySQL 8 statements pinned here can only run on a MySQL 8 server, which this machine does not
// have; those MariaDB also takes run on it in test/conformance/mysql-flavour.test.ts.

const MARIADB = factsOf("10.11.19-MariaDB", "mariadb");
const MYSQL = factsOf("8.4.3", "mysql");
/** MariaDB made to take MySQL 8's ways where it takes them too, as the flavour test runs it. */
const MARIADB_AS_MYSQL = factsOf("10.11.19-MariaDB", "mariadb", { asMySQL: true });

const collection = new ModelCollection();
const Author = model(z.object({ id: z.number().int().optional(), name: z.string(), bio: z.string() }), {
  name: "Author",
  collection,
  fields: { id: [Key, Auto], bio: Unique },
});
const Book = model(z.object({ id: z.number().int().optional(), title: z.string(), authorId: z.number().int().nullable() }), {
  name: "Book",
  collection,
  fields: { id: [Key, Auto], authorId: ReferenceTo(Author.id as AnyFieldRef) },
});
const Post = model(z.object({ id: z.number().int(), tags: z.array(z.string()), lines: z.array(z.object({ sku: z.string() })) }), { name: "Post", collection });
const Profile = model(z.object({ id: z.number().int(), profile: z.object({ city: z.string(), code: z.string(), rank: z.number().int() }) }), {
  name: "Profile",
  collection,
  fields: { "profile.city": Index, "profile.code": Unique, "profile.rank": Index },
});
const [author, book, post, profile] = [metaOf(Author), metaOf(Book), metaOf(Post), metaOf(Profile)];

/** A structured field's column, as statements name it. */
const docColumn = sql`${sql.identifier("doc")}`;

function writerFor(facts: ServerFacts) {
  const dialect = mysqlDialect(() => facts);
  const builder = new StatementBuilder(dialect, () => "shop");
  const text = (statement: SQL) => dialect.toQuery(statement).sql;
  const field = (meta: ModelMeta, name: string) => meta.fields.find((each) => each.name === name)!;
  return {
    dialect,
    createTable: (meta: ModelMeta) => text(createTable(builder.tables, meta)),
    completeTable: (meta: ModelMeta, has: (column: string) => boolean, hasIndex?: (index: string) => boolean) =>
      completeTable(builder.tables, meta, has, undefined, hasIndex).map(text),
    createIndex: (meta: ModelMeta, name: string) => text(createIndex(builder.tables, field(meta, name))),
    dropForeignKey: () => text(dropForeignKey(builder.tables, referencesOf(book)[0]!)),
    insert: (meta: ModelMeta) => {
      const insert = new MySQLRunner(dialect, () => facts).prepareInsert(meta, builder);
      return `${insert.head}${insert.values}${insert.tail}`;
    },
  };
}

describe("MySQL flavours: which server is which", () => {
  it("needs MySQL 8.0.21 or MariaDB 10.6, and says so naming the server", () => {
    expect(unsupported("8.0.21", "mysql")).toBeUndefined();
    expect(unsupported("9.1.0", "mysql")).toBeUndefined();
    expect(unsupported("10.6.0-MariaDB", "mariadb")).toBeUndefined();
    expect(unsupported("11.4.2-MariaDB-log", "mariadb")).toBeUndefined();
    expect(unsupported("8.0.20", "mysql")).toBe("the server is MySQL 8.0.20; Ommi needs MySQL 8.0.21 or later, or MariaDB 10.6.0 or later");
    expect(unsupported("5.7.44-log", "mysql")).toMatch(/^the server is MySQL 5\.7\.44-log;/);
    expect(unsupported("10.5.27-MariaDB", "mariadb")).toMatch(/^the server is MariaDB 10\.5\.27-MariaDB;/);
  });

  it("MySQL 8's ways forced on MariaDB keep what only MariaDB knows: its collation and its regex replacement syntax", () => {
    expect(MARIADB_AS_MYSQL).toMatchObject({ flavour: "mariadb", collation: "utf8mb4_nopad_bin", groupReference: "\\", wholeLongUnique: true, jsonValueReturning: false });
    expect(MARIADB_AS_MYSQL).toMatchObject({ insertReturning: false, ifExistsClauses: false, inlineReferences: false });
    expect(MYSQL).toMatchObject({ collation: "utf8mb4_0900_bin", groupReference: "$", insertReturning: false, ifExistsClauses: false, inlineReferences: false, wholeLongUnique: false });
  });
});

describe("MySQL flavours: learning the server", () => {
  it("is asked once; a failed attempt is asked again by the next call", async () => {
    let attempts = 0;
    const detection = new ServerDetection(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new ConnectionError("gone")) : Promise.resolve(MYSQL);
    });
    expect(() => detection.facts).toThrow(/before the driver learnt which server/);
    await expect(detection.pending()).rejects.toBeInstanceOf(ConnectionError);
    const [first, second] = [detection.pending(), detection.pending()];
    expect(first).toBe(second);
    await first;
    expect(detection.pending()).toBeUndefined();
    expect(detection.facts).toBe(MYSQL);
    expect(attempts).toBe(2);
  });

  it("a server that cannot be reached fails each call with a ConnectionError, before any statement is built", async () => {
    const driver = await connectMySQL({ host: "127.0.0.1", port: 1, database: "ommi" });
    try {
      const db = new Ommi(driver);
      const Thing = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Thing", collection: new ModelCollection() });
      for (let call = 0; call < 2; call++) {
        const found = await db.find(Thing.name.eq("x")).all();
        expect(found.ok ? undefined : found.error).toBeInstanceOf(ConnectionError);
        expect(found.ok ? "" : found.error.message).toMatch(/cannot reach MySQL at 127\.0\.0\.1:1/);
      }
    } finally {
      await driver.close();
    }
  });
});

describe("MySQL flavours: the SQL written for each", () => {
  it("text columns are in the server's NO PAD binary collation", () => {
    expect(writerFor(MARIADB).createTable(author)).toContain("`name` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL");
    expect(writerFor(MYSQL).createTable(author)).toContain("`name` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin NOT NULL");
  });

  it("a foreign key is inline on MariaDB and a table constraint on MySQL 8, which ignores inline REFERENCES", () => {
    expect(writerFor(MARIADB).createTable(book)).toBe(
      "CREATE TABLE IF NOT EXISTS `shop`.`Book` (`id` BIGINT PRIMARY KEY AUTO_INCREMENT, `title` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL, " +
        "`authorId` BIGINT CONSTRAINT `Book_authorId_fkey` REFERENCES `shop`.`Author` (`id`))",
    );
    expect(writerFor(MYSQL).createTable(book)).toBe(
      "CREATE TABLE IF NOT EXISTS `shop`.`Book` (`id` BIGINT PRIMARY KEY AUTO_INCREMENT, `title` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin NOT NULL, " +
        "`authorId` BIGINT, CONSTRAINT `Book_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `shop`.`Author` (`id`))",
    );
    // A reference column added to an existing table gets its foreign key by ALTER TABLE.
    expect(writerFor(MYSQL).completeTable(book, (column) => column !== "authorId")).toEqual([
      "ALTER TABLE `shop`.`Book` ADD COLUMN `authorId` BIGINT",
      "ALTER TABLE `shop`.`Book` ADD CONSTRAINT `Book_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `shop`.`Author` (`id`)",
    ]);
  });

  it("indexes: IF NOT EXISTS on MariaDB; on MySQL 8 none, and only those information_schema does not list", () => {
    expect(writerFor(MARIADB).completeTable(author, () => true)).toEqual(["CREATE UNIQUE INDEX IF NOT EXISTS `Author_bio_unique` ON `shop`.`Author` (`bio`)"]);
    const mysql = writerFor(MYSQL);
    expect(mysql.completeTable(author, () => true, () => false)).toEqual(["CREATE UNIQUE INDEX `Author_bio_unique` ON `shop`.`Author` ((UNHEX(SHA2(`bio`, 256))))"]);
    expect(mysql.completeTable(author, () => true, (index) => index === "Author_bio_unique")).toEqual([]);
    expect(mysql.dialect.toQuery(mysql.dialect.indexCount!({ schema: "shop", name: "Author" }, "Author_bio_unique"))).toMatchObject({
      sql: "SELECT count(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = ?",
      params: ["shop", "Author", "Author_bio_unique"],
    });
    expect(writerFor(MARIADB).dialect.indexCount).toBeUndefined();
  });

  it("a Unique LONGTEXT field: MariaDB's unique index covers the whole value, MySQL 8's its SHA-256", () => {
    expect(writerFor(MARIADB).createIndex(author, "bio")).toBe("CREATE UNIQUE INDEX IF NOT EXISTS `Author_bio_unique` ON `shop`.`Author` (`bio`)");
    expect(writerFor(MYSQL).createIndex(author, "bio")).toBe("CREATE UNIQUE INDEX `Author_bio_unique` ON `shop`.`Author` ((UNHEX(SHA2(`bio`, 256))))");
    // MariaDB made to take MySQL's ways still hashes as MariaDB does (no functional index there).
    expect(writerFor(MARIADB_AS_MYSQL).createIndex(author, "bio")).toBe("CREATE UNIQUE INDEX `Author_bio_unique` ON `shop`.`Author` (`bio`)");
  });

  it("an index on a value inside a structured field: on MySQL 8 a functional index, text by its first 255 characters or (unique) its SHA-256", () => {
    const [city, code, rank] = writerFor(MYSQL).completeTable(profile, () => true);
    const text = "CONVERT((CASE WHEN JSON_TYPE(JSON_EXTRACT(`profile`, '$.\"CITY\"')) IN ('OBJECT', 'ARRAY', 'NULL') THEN NULL ELSE JSON_VALUE(`profile`, '$.\"CITY\"' RETURNING CHAR) END) USING utf8mb4) COLLATE utf8mb4_0900_bin";
    expect(city).toBe(`CREATE INDEX \`Profile_profile.city_idx\` ON \`shop\`.\`Profile\` ((LEFT(${text.replaceAll("CITY", "city")}, 255)))`);
    expect(code).toBe(`CREATE UNIQUE INDEX \`Profile_profile.code_unique\` ON \`shop\`.\`Profile\` ((UNHEX(SHA2(${text.replaceAll("CITY", "code")}, 256))))`);
    expect(rank).toMatch(/^CREATE INDEX `Profile_profile\.rank_idx` ON `shop`\.`Profile` \(\(CAST\(\(CASE .* END\) AS SIGNED\)\)\)$/);
    // MariaDB indexes no expression: a generated column, IF NOT EXISTS.
    expect(writerFor(MARIADB).completeTable(profile, () => true)[0]).toMatch(/^ALTER TABLE `shop`\.`Profile` ADD COLUMN IF NOT EXISTS /);
  });

  it("a foreign key closing a cycle is dropped with IF EXISTS on MariaDB, and as information_schema finds it on MySQL 8", () => {
    expect(writerFor(MARIADB).dropForeignKey()).toBe("ALTER TABLE IF EXISTS `shop`.`Book` DROP CONSTRAINT IF EXISTS `Book_authorId_fkey`");
    expect(writerFor(MYSQL).dropForeignKey()).toBe("ALTER TABLE `shop`.`Book` DROP CONSTRAINT `Book_authorId_fkey`");
  });

  it("generated keys: INSERT ... RETURNING on MariaDB, none on MySQL 8", () => {
    expect(writerFor(MARIADB).insert(book)).toBe("INSERT INTO `shop`.`Book` (`id`, `title`, `authorId`) VALUES (?, ?, ?) RETURNING `id`");
    expect(writerFor(MYSQL).insert(book)).toBe("INSERT INTO `shop`.`Book` (`id`, `title`, `authorId`) VALUES (?, ?, ?)");
  });

  it("a text inside a structured value: MariaDB's JSON_VALUE; MySQL 8's RETURNING CHAR (no 512-character limit), objects and arrays made NULL", () => {
    const mariadb = writerFor(MARIADB).dialect;
    const mysql = writerFor(MYSQL).dialect;
    const at = (dialect: typeof mariadb, type: "string" | "integer") => dialect.toQuery(dialect.json.scalar({ column: docColumn }, ["a"], type)).sql;
    expect(at(mariadb, "string")).toBe("CONVERT(JSON_VALUE(`doc`, '$.\"a\"') USING utf8mb4) COLLATE utf8mb4_nopad_bin");
    expect(at(mysql, "string")).toBe(
      "CONVERT((CASE WHEN JSON_TYPE(JSON_EXTRACT(`doc`, '$.\"a\"')) IN ('OBJECT', 'ARRAY', 'NULL') THEN NULL ELSE JSON_VALUE(`doc`, '$.\"a\"' RETURNING CHAR) END) USING utf8mb4) COLLATE utf8mb4_0900_bin",
    );
    expect(at(mysql, "integer")).toBe(
      "CAST((CASE WHEN JSON_TYPE(JSON_EXTRACT(`doc`, '$.\"a\"')) IN ('OBJECT', 'ARRAY', 'NULL') THEN NULL ELSE JSON_VALUE(`doc`, '$.\"a\"' RETURNING CHAR) END) AS SIGNED)",
    );
  });

  it("-0 written 0 in JSON text: REGEXP_REPLACE's groups are \\1 in MariaDB's PCRE2 and $1 in MySQL's ICU", () => {
    const zeroed = (facts: ServerFacts) => {
      const { dialect } = writerFor(facts);
      return dialect.toQuery(dialect.json.zeroed(docColumn)).sql;
    };
    expect(zeroed(MARIADB)).toMatch(/, '\\\\1\\\\2'\)$/);
    expect(zeroed(MYSQL)).toMatch(/, '\$1\$2'\)$/);
  });
});

describe("MySQL flavours: items of arrays inside structured values", () => {
  const itemOf = (name: string) => (post.fields.find((field) => field.name === name) as { of: ValueType }).of;
  const has = (facts: ServerFacts, name: string) => {
    const { dialect } = writerFor(facts);
    const match = dialect.json.arrayMatch("has", docColumn, itemOf(name), false);
    return { text: dialect.toQuery(match.expression(sql`?`)).sql, encode: match.encode };
  };

  it("MariaDB compares items as Ommi's JSON text (JSON_COMPACT), MySQL 8, which has no JSON_COMPACT, scalar items as JSON values", () => {
    expect(has(MARIADB, "tags").text).toBe("EXISTS (SELECT 1 FROM JSON_TABLE(`doc`, '$[*]' COLUMNS (`item` JSON PATH '$')) AS `ommi_item` WHERE JSON_COMPACT(`ommi_item`.`item`) = ?)");
    const mysql = has(MYSQL, "tags");
    expect(mysql.text).toBe("EXISTS (SELECT 1 FROM JSON_TABLE(`doc`, '$[*]' COLUMNS (`item` JSON PATH '$')) AS `ommi_item` WHERE `ommi_item`.`item` = CAST(? AS JSON))");
    expect(mysql.encode("a b")).toBe('"a b"');
  });

  it("MySQL 8 refuses has() on structured items, which its JSON equality would compare ignoring the order of keys", () => {
    expect(() => has(MYSQL, "lines")).toThrow(QueryError);
    expect(() => has(MYSQL, "lines")).toThrow(/has\(\) on an array of structured items is not supported on MySQL 8/);
    expect(has(MARIADB, "lines").text).toContain("JSON_COMPACT");
  });
});

describe("MySQL flavours: generated keys without RETURNING", () => {
  const key = generatedKey(book)!;
  const rows = (...ids: (number | undefined)[]): StoredRow[] => ids.map((id) => ({ id, title: "t", authorId: null }));

  it("a multi-row INSERT whose rows all leave the key out: the first key, then each auto_increment_increment past the one before", () => {
    const batch = rows(undefined, undefined, undefined);
    const filler = keyFiller(key, batch, factsOf("8.4.3", "mysql", {}, 2));
    expect(filler.rowByRow).toBe(false);
    filler.fill(batch, { insertId: 41 } as never);
    expect(batch.map((row) => row.id)).toEqual([41, 43, 45]);
  });

  it("a batch that gives some keys and leaves others out is written row by row, keeping the keys given", () => {
    const batch = rows(undefined, 7, undefined);
    const filler = keyFiller(key, batch, MYSQL);
    expect(filler.rowByRow).toBe(true);
    batch.forEach((row, index) => filler.fill([row], { insertId: [20, 7, 21][index] } as never));
    expect(batch.map((row) => row.id)).toEqual([20, 7, 21]);
  });

  it("a batch that gives every key has nothing to learn; with RETURNING, the keys come in the rows' order", () => {
    expect(keyFiller(key, rows(1, 2), MYSQL).rowByRow).toBe(false);
    const batch = rows(undefined, 5);
    keyFiller(key, batch, MARIADB).fill(batch, [[3], [5]]);
    expect(batch.map((row) => row.id)).toEqual([3, 5]);
  });
});
