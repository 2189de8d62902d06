import type { DataSource, EntityManager } from 'typeorm';
import { RebuildRefusedError } from './rebuild-refused.error';

/**
 * Moving tables between schemas (ALTER TABLE ... SET SCHEMA) keeps their rows, indexes and
 * constraints, and takes no time whatever their size. It is only safe for tables nothing else
 * hangs on: no trigger (its function would stay in the other schema), no foreign key and no view.
 */
export async function assertMovable(
  dataSource: DataSource,
  schema: string,
  tables: readonly string[],
): Promise<void> {
  const missing = await dataSource.query<Array<{ table: string }>>(
    `SELECT t AS "table" FROM unnest($2::text[]) AS t
      WHERE to_regclass(format('%I.%I', $1::text, t)) IS NULL`,
    [schema, tables],
  );
  if (missing.length > 0)
    throw new RebuildRefusedError(
      `${schema} has no ${missing.map((row) => row.table).join(', ')}: is reporting's schema at this version?`,
    );
  const attached = await dataSource.query<Array<{ table: string; what: string }>>(
    `SELECT c.relname AS "table", 'a trigger' AS "what"
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = ANY($2) AND NOT t.tgisinternal
     UNION ALL
     SELECT c.relname, 'a foreign key'
       FROM pg_constraint k JOIN pg_class c ON c.oid IN (k.conrelid, k.confrelid)
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = $1 AND c.relname = ANY($2)
     UNION ALL
     SELECT c.relname, 'a view'
       FROM pg_depend d JOIN pg_rewrite w ON w.oid = d.objid
       JOIN pg_class c ON c.oid = d.refobjid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE d.classid = 'pg_rewrite'::regclass AND w.ev_class <> c.oid AND n.nspname = $1 AND c.relname = ANY($2)`,
    [schema, tables],
  );
  if (attached.length > 0)
    throw new RebuildRefusedError(
      `projection tables cannot be swapped while something hangs on them: ${attached
        .map((row) => `${schema}.${row.table} has ${row.what}`)
        .join('; ')}`,
    );
}

/** The columns of each table (name, type, nullability) are the same in both schemas. */
export async function assertSameColumns(
  dataSource: DataSource,
  first: string,
  second: string,
  tables: readonly string[],
): Promise<void> {
  const columnsOf = async (schema: string) =>
    (
      await dataSource.query<Array<{ table_name: string; line: string }>>(
        `SELECT table_name, concat_ws(' ', column_name, udt_name, is_nullable) AS line
           FROM information_schema.columns
          WHERE table_schema = $1 AND table_name = ANY($2)
          ORDER BY table_name, column_name`,
        [schema, tables],
      )
    ).map((row) => `${row.table_name}.${row.line}`);
  const [a, b] = [await columnsOf(first), await columnsOf(second)];
  const differing = [...new Set([...a.filter((x) => !b.includes(x)), ...b.filter((x) => !a.includes(x))])];
  if (differing.length > 0)
    throw new RebuildRefusedError(
      `the tables of ${first} and ${second} differ in their columns (${differing
        .map((line) => line.split('.')[0])
        .filter((table, index, all) => all.indexOf(table) === index)
        .join(', ')}): is reporting's schema at this version's migrations?`,
    );
}

/** Who must not be running while tables are swapped: reporting, as it shows in pg_stat_activity. */
export interface SwapGuard {
  reportingApplicationName: string;
}

/**
 * Reporting is not running: no connection under its application name, and (inside a swap's
 * transaction) no other session holding a lock on a table of its schema, whatever its name.
 */
export async function assertReportingStopped(
  queryable: Pick<EntityManager, 'query'>,
  schema: string,
  guard: SwapGuard,
): Promise<void> {
  const [row] = await queryable.query<Array<{ connections: string; holders: string }>>(
    `SELECT (SELECT count(*) FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid())
              AS "connections",
            (SELECT count(DISTINCT l.pid) FROM pg_locks l
               JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                AND n.nspname = $2 AND l.pid <> pg_backend_pid()) AS "holders"`,
    [guard.reportingApplicationName, schema],
  );
  if (Number(row?.connections ?? 0) > 0 || Number(row?.holders ?? 0) > 0)
    throw new RebuildRefusedError(
      'reporting is running (it holds connections to the database, or its tables): stop it first ' +
        '(standalone: the whole system; distributed: the reporting process)',
    );
}

/**
 * Where the swap recorded how far reporting had processed the log (its inbox) when the rebuilt
 * tables went in: a rollback puts the replaced tables back only while that is still so. A record
 * of the rebuild's own in reporting's schema (classified as kept).
 */
export const SWAP_MARK_TABLE = 'projection_swap';

interface InboxMark {
  records: string;
  last_processed_at: string | null;
}

/**
 * Puts the rebuilt tables in place of the live ones, in one transaction: the live ones go to
 * `previous` (replacing what an earlier rebuild left there), the rebuilt ones into `live`. Refuses
 * when reporting runs (checked again with the live tables locked), and records how far reporting's
 * inbox was for a rollback.
 */
export async function swapInRebuiltTables(
  dataSource: DataSource,
  schemas: { live: string; rebuilt: string; previous: string },
  tables: readonly string[],
  guard: SwapGuard,
): Promise<void> {
  assertDistinct(schemas.live, schemas.rebuilt, schemas.previous);
  // Their planner statistics go with them.
  for (const table of tables) await dataSource.query(`ANALYZE "${schemas.rebuilt}"."${table}"`);
  await dataSource.transaction(async (manager) => {
    const mark = await lockReporting(manager, schemas.live, tables, guard);
    await manager.query(`DROP SCHEMA IF EXISTS "${schemas.previous}" CASCADE`);
    await manager.query(`CREATE SCHEMA "${schemas.previous}"`);
    await moveTables(manager, tables, schemas.live, schemas.previous);
    await moveTables(manager, tables, schemas.rebuilt, schemas.live);
    await manager.query(
      `CREATE TABLE IF NOT EXISTS "${schemas.live}"."${SWAP_MARK_TABLE}" (
         "swapped_at" TIMESTAMPTZ NOT NULL,
         "inbox_records" BIGINT NOT NULL,
         "inbox_last_processed_at" TIMESTAMPTZ NULL
       )`,
    );
    await manager.query(`DELETE FROM "${schemas.live}"."${SWAP_MARK_TABLE}"`);
    await manager.query(
      `INSERT INTO "${schemas.live}"."${SWAP_MARK_TABLE}"
         ("swapped_at", "inbox_records", "inbox_last_processed_at") VALUES (now(), $1, $2)`,
      [mark.records, mark.last_processed_at],
    );
  });
}

/**
 * Puts back the tables the last rebuild replaced, in one transaction; the ones it had put in
 * place take their place in `previous`, so running it again undoes it. Refuses once reporting has
 * processed events after the swap: the tables put back would never get them.
 */
export async function swapBackPreviousTables(
  dataSource: DataSource,
  schemas: { live: string; previous: string; exchange: string },
  tables: readonly string[],
  guard: SwapGuard,
): Promise<void> {
  assertDistinct(schemas.live, schemas.previous, schemas.exchange);
  await dataSource.transaction(async (manager) => {
    const now = await lockReporting(manager, schemas.live, tables, guard);
    const [found] = await manager.query<Array<{ found: string | null }>>(
      `SELECT to_regclass($1) AS "found"`,
      [`"${schemas.live}"."${SWAP_MARK_TABLE}"`],
    );
    const [swapped] = found?.found
      ? await manager.query<Array<InboxMark>>(
          `SELECT "inbox_records"::text AS "records", "inbox_last_processed_at"::text AS "last_processed_at"
             FROM "${schemas.live}"."${SWAP_MARK_TABLE}"`,
        )
      : [];
    if (!swapped)
      throw new RebuildRefusedError(
        `there is no record of how far reporting was when the tables were swapped (${schemas.live}.${SWAP_MARK_TABLE}): ` +
          'a rollback could lose events; run a new rebuild instead',
      );
    if (swapped.records !== now.records || swapped.last_processed_at !== now.last_processed_at)
      throw new RebuildRefusedError(
        'reporting has processed events since the rebuilt tables were swapped in, and the tables a rollback ' +
          'would put back would never get them: run a new rebuild instead',
      );
    await manager.query(`DROP SCHEMA IF EXISTS "${schemas.exchange}" CASCADE`);
    await manager.query(`CREATE SCHEMA "${schemas.exchange}"`);
    await moveTables(manager, tables, schemas.live, schemas.exchange);
    await moveTables(manager, tables, schemas.previous, schemas.live);
    await moveTables(manager, tables, schemas.exchange, schemas.previous);
    await manager.query(`DROP SCHEMA "${schemas.exchange}"`);
  });
}

/**
 * Takes the live projection tables (and stops writes to reporting's inbox) without waiting: a
 * running reporting holds them, and the swap refuses rather than waits. Then checks again that
 * reporting is not running, now that nothing can start using the tables before the commit, and
 * reads how far the inbox is.
 */
async function lockReporting(
  manager: EntityManager,
  schema: string,
  tables: readonly string[],
  guard: SwapGuard,
): Promise<InboxMark> {
  try {
    await manager.query(
      `LOCK TABLE ${tables.map((table) => `"${schema}"."${table}"`).join(', ')} IN ACCESS EXCLUSIVE MODE NOWAIT`,
    );
    await manager.query(`LOCK TABLE "${schema}"."inbox_record" IN SHARE MODE NOWAIT`);
  } catch (error) {
    if ((error as { driverError?: { code?: string } }).driverError?.code === LOCK_NOT_AVAILABLE)
      throw new RebuildRefusedError(
        `reporting is running (another session holds tables of ${schema}): stop it first ` +
          '(standalone: the whole system; distributed: the reporting process)',
      );
    throw error;
  }
  await assertReportingStopped(manager, schema, guard);
  const [mark] = await manager.query<InboxMark[]>(
    `SELECT count(*)::text AS "records", max("processed_at")::text AS "last_processed_at"
       FROM "${schema}"."inbox_record"`,
  );
  return mark ?? { records: '0', last_processed_at: null };
}

/** PostgreSQL's lock_not_available: a NOWAIT lock another session holds. */
const LOCK_NOT_AVAILABLE = '55P03';

async function moveTables(
  manager: EntityManager,
  tables: readonly string[],
  from: string,
  to: string,
): Promise<void> {
  for (const table of tables) await manager.query(`ALTER TABLE "${from}"."${table}" SET SCHEMA "${to}"`);
}

function assertDistinct(...schemas: string[]): void {
  if (new Set(schemas).size !== schemas.length) throw new Error(`Schemas must differ: ${schemas.join(', ')}`);
}
