import { Client } from 'pg';
import { DemoModeRefused } from './demo-mode';

/** The schema the platform owns, apart from every service's: it holds the mark of a demonstration database. */
export const PLATFORM_SCHEMA = 'platform';
const MARK_TABLE = `"${PLATFORM_SCHEMA}"."demonstration"`;
/** One first start in demo mode at a time marks a database (any number of 64-bit values would do). */
const MARK_LOCK = 5_424_001;

const ELSEWHERE =
  'a database of its own: a DATABASE_URL naming a new database, or the embedded one of a fresh .data/postgres';

/**
 * Keeps a demonstration and real cases apart, whatever the database: the first start in demo mode
 * marks the database as a demonstration's (a one-row table of the platform's schema, written before
 * any service starts), and only a fresh database is marked, so that demo mode never moves the clock
 * of real cases, never writes to real Missions and never rewrites real audit trails. A marked
 * database starts in demo mode only, so that its fictional data never runs as a real system.
 *
 * A database is fresh when it has no schema but PostgreSQL's own, an empty `public` and the
 * platform's: the check reads the catalogue, never a service's tables.
 */
export async function keepDemonstrationApart(databaseUrl: string, demo: boolean): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'reprisals-platform' });
  await client.connect();
  try {
    if (!demo) {
      const marked = await markOf(client);
      if (marked)
        throw new DemoModeRefused(
          `This database holds a demonstration with fictional data (marked at its first start in demo mode, ${marked}): ` +
            `it starts with DEMO_MODE=true only, never as a real system. For real cases, start on ${ELSEWHERE}`,
        );
      return;
    }
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MARK_LOCK]);
      if (!(await markOf(client))) {
        const holdings = await holdingsOf(client);
        if (holdings.length > 0)
          throw new DemoModeRefused(
            `DEMO_MODE=true is refused on this database: it already holds data (schemas ${holdings.join(', ')}) ` +
              'and was never started in demo mode, and a demonstration moves the clock of every case, writes to ' +
              `their States and rewrites times in their audit trails. Start the demonstration on ${ELSEWHERE}`,
          );
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${PLATFORM_SCHEMA}"`);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${MARK_TABLE} (
             "only" BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK ("only"),
             "marked_at" TIMESTAMPTZ NOT NULL DEFAULT now()
           )`,
        );
        await client.query(`INSERT INTO ${MARK_TABLE} DEFAULT VALUES ON CONFLICT DO NOTHING`);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    await client.end();
  }
}

/** When the database was marked as a demonstration's, or undefined when it was not. */
async function markOf(client: Client): Promise<string | undefined> {
  const table = await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [
    `${PLATFORM_SCHEMA}.demonstration`,
  ]);
  if (!table.rows[0]?.present) return undefined;
  const mark = await client.query<{ marked_at: Date }>(`SELECT "marked_at" FROM ${MARK_TABLE}`);
  return mark.rows[0]?.marked_at.toISOString();
}

/** The schemas that hold something (`public` when it has a table), but PostgreSQL's own and the platform's. */
async function holdingsOf(client: Client): Promise<string[]> {
  const schemas = await client.query<{ name: string }>(
    `SELECT "nspname" AS "name" FROM pg_catalog.pg_namespace
      WHERE "nspname" NOT IN ('public', 'information_schema', $1) AND "nspname" NOT LIKE 'pg\\_%'
     UNION ALL
     SELECT 'public' WHERE EXISTS (
       SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))
     ORDER BY 1`,
    [PLATFORM_SCHEMA],
  );
  return schemas.rows.map((row) => row.name);
}
