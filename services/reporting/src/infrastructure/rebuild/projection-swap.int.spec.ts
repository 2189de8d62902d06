import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { DataSource } from 'typeorm';
import { swapInRebuiltTables } from './projection-swap';
import { RebuildRefusedError } from './rebuild-refused.error';

const SCHEMAS = { live: 'swap_live', rebuilt: 'swap_rebuilt', previous: 'swap_previous' };
const GUARD = { reportingApplicationName: 'swap-spec-reporting' };

describe('swapping rebuilt tables in while reporting may start', () => {
  let database: TestDatabase;
  let sql: DataSource;
  const connect = async (applicationName: string) => {
    const dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 1, applicationName });
    await dataSource.initialize();
    return dataSource;
  };

  beforeAll(async () => {
    database = await createTestDatabase('projection_swap');
    sql = await connect('swap-spec');
  });
  afterAll(async () => {
    await sql?.destroy();
    await database?.drop();
  });

  /** A live and a rebuilt schema with one projection table each, and the live inbox. */
  beforeEach(async () => {
    for (const schema of Object.values(SCHEMAS)) await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    for (const [schema, value] of [
      [SCHEMAS.live, 'live'],
      [SCHEMAS.rebuilt, 'rebuilt'],
    ] as const) {
      await sql.query(`CREATE SCHEMA "${schema}"`);
      await sql.query(`CREATE TABLE "${schema}"."case_figure" ("value" TEXT NOT NULL)`);
      await sql.query(`INSERT INTO "${schema}"."case_figure" VALUES ($1)`, [value]);
    }
    await sql.query(
      `CREATE TABLE "${SCHEMAS.live}"."inbox_record" ("event_id" UUID PRIMARY KEY, "processed_at" TIMESTAMPTZ NOT NULL)`,
    );
  });

  const liveValue = async () =>
    (await sql.query<Array<{ value: string }>>(`SELECT "value" FROM "${SCHEMAS.live}"."case_figure"`))[0]
      ?.value;

  it('given reporting connected after the rebuild checked, when swapped, then it refuses and the live table stays', async () => {
    const reporting = await connect(GUARD.reportingApplicationName);
    try {
      await expect(swapInRebuiltTables(sql, SCHEMAS, ['case_figure'], GUARD)).rejects.toThrow(
        RebuildRefusedError,
      );
    } finally {
      await reporting.destroy();
    }
    expect(await liveValue()).toBe('live');
  });

  it('given another session using a live table, when swapped, then it refuses at once instead of waiting, and the live table stays', async () => {
    const reporting = await connect('unnamed-client');
    const runner = reporting.createQueryRunner();
    await runner.startTransaction();
    await runner.query(`SELECT count(*) FROM "${SCHEMAS.live}"."case_figure"`);
    const started = Date.now();
    try {
      await expect(swapInRebuiltTables(sql, SCHEMAS, ['case_figure'], GUARD)).rejects.toThrow(
        /reporting is running/,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
      await reporting.destroy();
    }
    expect(await liveValue()).toBe('live');
  });

  it('given nobody else, when swapped, then the rebuilt table is live and the swap records how far the inbox was', async () => {
    await sql.query(
      `INSERT INTO "${SCHEMAS.live}"."inbox_record" VALUES (gen_random_uuid(), '2026-11-30T09:00:00Z')`,
    );
    await swapInRebuiltTables(sql, SCHEMAS, ['case_figure'], GUARD);
    expect(await liveValue()).toBe('rebuilt');
    expect(
      await sql.query(
        `SELECT "inbox_records"::int AS "records", "inbox_last_processed_at" AS "last"
           FROM "${SCHEMAS.live}"."projection_swap"`,
      ),
    ).toEqual([{ records: 1, last: new Date('2026-11-30T09:00:00Z') }]);
  });
});
