import { QueryError } from "./errors.js";
import type { DriverCapabilities, DriverSession } from "./driver.js";
import { isModelHandle, metaOf } from "./model/brands.js";
import type { ModelMeta } from "./model/meta.js";
import { rawStatement } from "./query/raw.js";
import { attachRelations, type RowSource } from "./relations/attach.js";
import { AsyncResult } from "./result.js";
import { hydrateAll } from "./rows.js";

/** What `db.sql(User)` gives: a tagged template that runs the SQL and gives its rows as `User` rows. */
export type SqlTemplate<R> = (strings: TemplateStringsArray, ...values: unknown[]) => AsyncResult<R[]>;

/** A row of `db.sql` without a model: each column's name and the value the database client gave. */
export type SqlRecord = Record<string, unknown>;

/** Where `db.sql` runs: the database or transaction it was called on (asked at each run). */
export interface SqlContext {
  session(): DriverSession;
  capabilities(): DriverCapabilities;
  databaseName(): string;
  readonly rowSource: RowSource;
}

/** `db.sql(Model)` (a template for that model's rows) or `` db.sql`...` `` (plain records). */
export function sqlOf(context: SqlContext, first: unknown, values: readonly unknown[]): SqlTemplate<unknown> | AsyncResult<SqlRecord[]> {
  if (!isModelHandle(first)) return run(context, "db.sql", first, values, undefined);
  const model = metaOf(first) as ModelMeta;
  return (strings, ...tagged) => run(context, `db.sql(${model.name})`, strings, tagged, model);
}

function run(context: SqlContext, doing: string, strings: unknown, values: readonly unknown[], model: ModelMeta | undefined): AsyncResult<SqlRecord[]> {
  return new AsyncResult(async () => {
    const statement = rawStatement(strings, values, doing);
    const session = context.session();
    if (!context.capabilities().rawSql || !session.raw) {
      throw new QueryError(`${doing}: ${context.databaseName()} runs no SQL; use find() (a raw filter for this database is not available yet)`);
    }
    const stored = await session.raw(statement, model);
    // Rows of a model become what find gives for them: instances of class models, with their relations.
    return model ? attachRelations(model, hydrateAll<SqlRecord>(model, stored), context.rowSource) : stored;
  }, { operation: "sql", model: model?.name, hooks: context.rowSource.failures });
}
