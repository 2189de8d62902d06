import { testDatabaseServerUrl } from '@reprisals/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from './database-url';
import { ensureDatabase } from './ensure-database';

describe('ensureDatabase', () => {
  const name = `t_ensure_${randomBytes(5).toString('hex')}`;
  const url = withDatabase(testDatabaseServerUrl(), name);

  afterAll(async () => {
    const admin = new Client({ connectionString: testDatabaseServerUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('creates the database named in the URL once, also when asked concurrently', async () => {
    const created = await Promise.all([ensureDatabase(url), ensureDatabase(url), ensureDatabase(url)]);
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(await ensureDatabase(url)).toBe(false);

    const client = new Client({ connectionString: url });
    await client.connect();
    expect((await client.query('SELECT current_database() AS name')).rows).toEqual([{ name }]);
    await client.end();
  });
});
