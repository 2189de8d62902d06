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

/**
 * Puts the rebuilt tables in place of the live ones, in one transaction: the live ones go to
 * `previous` (replacing what an earlier rebuild left there), the rebuilt ones into `live`.
 */
export async function swapInRebuiltTables(
  dataSource: DataSource,
  schemas: { live: string; rebuilt: string; previous: string },
  tables: readonly string[],
): Promise<void> {
  assertDistinct(schemas.live, schemas.rebuilt, schemas.previous);
  // Their planner statistics go with them.
  for (const table of tables) await dataSource.query(`ANALYZE "${schemas.rebuilt}"."${table}"`);
  await dataSource.transaction(async (manager) => {
    await lockTables(manager, schemas.live, tables);
    await manager.query(`DROP SCHEMA IF EXISTS "${schemas.previous}" CASCADE`);
    await manager.query(`CREATE SCHEMA "${schemas.previous}"`);
    await moveTables(manager, tables, schemas.live, schemas.previous);
    await moveTables(manager, tables, schemas.rebuilt, schemas.live);
  });
}

/**
 * Puts back the tables the last rebuild replaced, in one transaction; the ones it had put in
 * place take their place in `previous`, so running it again undoes it.
 */
export async function swapBackPreviousTables(
  dataSource: DataSource,
  schemas: { live: string; previous: string; exchange: string },
  tables: readonly string[],
): Promise<void> {
  assertDistinct(schemas.live, schemas.previous, schemas.exchange);
  await dataSource.transaction(async (manager) => {
    await lockTables(manager, schemas.live, tables);
    await manager.query(`DROP SCHEMA IF EXISTS "${schemas.exchange}" CASCADE`);
    await manager.query(`CREATE SCHEMA "${schemas.exchange}"`);
    await moveTables(manager, tables, schemas.live, schemas.exchange);
    await moveTables(manager, tables, schemas.previous, schemas.live);
    await moveTables(manager, tables, schemas.exchange, schemas.previous);
    await manager.query(`DROP SCHEMA "${schemas.exchange}"`);
  });
}

async function lockTables(manager: EntityManager, schema: string, tables: readonly string[]): Promise<void> {
  // Waits briefly for readers to finish; a writer still holding them means reporting is running.
  await manager.query(`SET LOCAL lock_timeout = '10s'`);
  await manager.query(
    `LOCK TABLE ${tables.map((table) => `"${schema}"."${table}"`).join(', ')} IN ACCESS EXCLUSIVE MODE`,
  );
}

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
