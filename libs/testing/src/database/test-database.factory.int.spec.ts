import { Client } from 'pg';
import { createTestDatabase, testDatabaseServerUrl } from './test-database.factory';

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: testDatabaseServerUrl() });
  await client.connect();
  try {
    return ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('creates a fresh database and drops it even while connections remain', async () => {
    const first = await createTestDatabase('harness');
    const second = await createTestDatabase('harness');
    expect(first.name).toMatch(/^t_harness_[0-9a-f]{10}$/);
    expect(second.name).not.toBe(first.name);

    const lingering = new Client({ connectionString: first.url });
    lingering.on('error', () => undefined);
    await lingering.connect();
    expect((await lingering.query('SELECT current_database() AS name')).rows[0]).toEqual({
      name: first.name,
    });

    await first.drop();
    await first.drop();
    await second.drop();
    expect(await databaseExists(first.name)).toBe(false);
    expect(await databaseExists(second.name)).toBe(false);
    await lingering.end().catch(() => undefined);
  });
});
