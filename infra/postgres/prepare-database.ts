/**
 * Creates the database named in DATABASE_URL when it does not exist yet (distributed mode and
 * tests). Service schemas are not made here: each service's migrations create its own at start.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/reprisals \
 *     node -r @swc-node/register infra/postgres/prepare-database.ts
 */
import { Client } from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/reprisals';

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

export interface PreparedDatabase {
  /** host:port/database: no user name or password, safe for logs. */
  readonly where: string;
  readonly created: boolean;
}

/** Connects to the `postgres` database of the same server and creates the target database if missing. */
export async function prepareDatabase(databaseUrl: string = DEFAULT_DATABASE_URL): Promise<PreparedDatabase> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  const where = `${url.host}/${name}`;

  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return { where, created: false };
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      return { where, created: true };
    } catch (error) {
      // Another process created it between the check and the CREATE.
      const code = (error as { code?: string }).code;
      if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return { where, created: false };
      throw error;
    }
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  prepareDatabase(process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL).then(
    ({ where, created }) =>
      console.log(`postgres: database ${where} ${created ? 'created' : 'already exists'}`),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`postgres: could not prepare the database: ${message}`);
      process.exitCode = 1;
    },
  );
}
