import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The PostgreSQL server tests use: DATABASE_URL, or the local server on 5432. */
export function testDatabaseServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_TEST_DATABASE_URL;
}

export interface TestDatabase {
  /** URL of the new database (same server, user and password as DATABASE_URL). */
  url: string;
  name: string;
  /** Ends remaining connections and drops the database. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh, uniquely named database (`t_<prefix>_<random>`) on the test server, so that
 * test files never see each other's data and can run in parallel.
 */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const serverUrl = testDatabaseServerUrl();
  const safePrefix = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 40);
  const name = `t_${safePrefix}_${randomBytes(5).toString('hex')}`;
  await administer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => administer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function administer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl, application_name: 'test-database' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
