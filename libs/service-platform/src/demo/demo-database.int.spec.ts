import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { keepDemonstrationApart, PLATFORM_SCHEMA } from './demo-database';
import { DemoModeRefused } from './demo-mode';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const platformSchemaIn = async (url: string) =>
  (
    await query<{ present: boolean }>(
      url,
      `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '${PLATFORM_SCHEMA}') AS present`,
    )
  )[0]!.present;

describe('a demonstration and real cases never share a database', () => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const database = await createTestDatabase('demo_mark');
    databases.push(database);
    return database.url;
  };
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('given a fresh database, a start outside demo mode writes nothing', async () => {
    const url = await fresh();
    await keepDemonstrationApart(url, false);
    expect(await platformSchemaIn(url)).toBe(false);
  });

  it('given a fresh database, the first start in demo mode marks it, later demo starts pass, and a real start is refused saying what to do', async () => {
    const url = await fresh();
    await keepDemonstrationApart(url, true);
    const marks = await query<{ marked_at: Date }>(
      url,
      `SELECT marked_at FROM "${PLATFORM_SCHEMA}"."demonstration"`,
    );
    expect(marks).toHaveLength(1);
    // Its services start and write their schemas: a restart in demo mode still passes.
    await query(url, 'CREATE SCHEMA "intake"; CREATE TABLE "intake"."allegation" ("id" UUID PRIMARY KEY)');
    await keepDemonstrationApart(url, true);
    expect(await query(url, `SELECT 1 FROM "${PLATFORM_SCHEMA}"."demonstration"`)).toHaveLength(1);

    const refused = keepDemonstrationApart(url, false);
    await expect(refused).rejects.toThrow(DemoModeRefused);
    await expect(refused).rejects.toThrow(
      /holds a demonstration with fictional data .*starts with DEMO_MODE=true only, never as a real system.*DATABASE_URL naming a new database/,
    );
  });

  it('given a database that holds the data of a real start, demo mode is refused, naming its schemas, and nothing is marked', async () => {
    const url = await fresh();
    await query(
      url,
      'CREATE SCHEMA "intake"; CREATE TABLE "intake"."allegation" ("id" UUID PRIMARY KEY); CREATE SCHEMA "reporting"',
    );
    const refused = keepDemonstrationApart(url, true);
    await expect(refused).rejects.toThrow(DemoModeRefused);
    await expect(refused).rejects.toThrow(
      /DEMO_MODE=true is refused on this database: it already holds data \(schemas intake, reporting\).*Start the demonstration on a database of its own/,
    );
    expect(await platformSchemaIn(url)).toBe(false);
    // It still starts as what it is.
    await keepDemonstrationApart(url, false);
  });

  it('given a database with a table in public, demo mode is refused', async () => {
    const url = await fresh();
    await query(url, 'CREATE TABLE public.something_else ("id" INTEGER)');
    await expect(keepDemonstrationApart(url, true)).rejects.toThrow(/already holds data \(schemas public\)/);
    expect(await platformSchemaIn(url)).toBe(false);
  });
});
