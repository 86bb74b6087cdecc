import Database from "better-sqlite3";
const db = new Database(":memory:");
db.exec("create table t (r REAL, b BLOB, n, x ANY)");
db.prepare("insert into t values (?,?,?,?)").run(-0, -0, -0, -0);
db.prepare("insert into t values (?,?,?,?)").run(3, 3, 3, 3);
db.prepare("insert into t values (?,?,?,?)").run(0, 0, 0, 0);
for (const row of db.prepare("select r, b, n, x, typeof(r), typeof(b) from t").raw().all()) console.log(row, (row as number[]).map((v) => Object.is(v, -0)));
console.log(db.prepare("select count(*) from t where b = 0").pluck().get(), db.prepare("select b from t order by b").pluck().all());
