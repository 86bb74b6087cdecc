/**
 * Gradual adoption: an existing table, created long ago by plain SQL, mapped as it is.
 * Nothing is renamed or migrated: the model names the table and each column it maps.
 * Run it with `npx tsx examples/legacy-table.ts`.
 */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { Key, ModelCollection, Ommi, StoreAs, model, when } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

const folder = mkdtempSync(join(tmpdir(), "ommi-legacy-"));
const filename = join(folder, "crm.db");

// The legacy application's table, as its own SQL created it.
const legacy = new Database(filename);
legacy.exec(`
  CREATE TABLE tbl_customers (
    CUST_ID   INTEGER PRIMARY KEY,
    FULL_NAME TEXT NOT NULL,
    is_vip    INTEGER NOT NULL DEFAULT 0,
    credit    REAL
  );
  INSERT INTO tbl_customers (CUST_ID, FULL_NAME, is_vip, credit) VALUES
    (1001, 'Grace Hopper', 1, 2500.5),
    (1002, 'Alan Turing', 0, NULL),
    (1003, 'Katherine Johnson', 1, 120);
`);
legacy.close();

// The new code describes the rows the way it wants to see them, and says where they live.
const crm = new ModelCollection();
const Customer = model(
  z.object({ id: z.number().int(), fullName: z.string(), vip: z.boolean(), credit: z.number().nullable() }),
  {
    name: "tbl_customers",
    collection: crm,
    fields: { id: [Key, StoreAs("CUST_ID")], fullName: StoreAs("FULL_NAME"), vip: StoreAs("is_vip") },
  },
);

const db = new Ommi(await SQLiteDriver.connect({ filename }));
// Safe on an existing table: it only adds what is missing (here, nothing).
await db.schema(crm).createModels().raiseOnErrors();

const vips = await db.find(when(Customer.vip.eq(true)).sort(Customer.fullName.asc())).all().value;
console.log("VIP customers:", vips);

await db.add(Customer, { id: 1004, fullName: "Margaret Hamilton", vip: false, credit: null }).raiseOnErrors();
await db.find(Customer.credit.isNull()).update({ credit: 0 }).raiseOnErrors();
await db.close();

// The legacy application still reads its table as before.
const check = new Database(filename, { readonly: true });
console.log("Seen by the legacy SQL:", check.prepare("SELECT CUST_ID, FULL_NAME, is_vip, credit FROM tbl_customers ORDER BY CUST_ID").all());
check.close();
rmSync(folder, { recursive: true, force: true });
