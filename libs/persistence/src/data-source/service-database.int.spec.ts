import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../transactions/in-transaction';
import { CreateProbeTable1767225600001 } from './fixtures/1767225600001-create-probe-table.migration';
import { CreatePrivateTable1767225600002 } from './fixtures/1767225600002-create-private-table.migration';
import { ProbeEntity } from './fixtures/probe.entity';
import { createServiceDataSource, type ServiceDataSourceOptions } from './service-data-source.factory';
import { closeServiceDatabase, initializeServiceDatabase } from './service-database.initializer';

describe('service databases', () => {
  let database: TestDatabase;
  const opened: DataSource[] = [];

  const dataSource = (
    schema: string,
    migrations: ServiceDataSourceOptions['migrations'] = [CreateProbeTable1767225600001],
  ): DataSource => {
    const created = createServiceDataSource({
      url: database.url,
      schema,
      entities: [ProbeEntity],
      migrations,
      applicationName: `test-${schema}`,
      poolSize: 4,
    });
    opened.push(created);
    return created;
  };

  beforeAll(async () => {
    database = await createTestDatabase('persistence');
  });

  afterAll(async () => {
    await Promise.all(opened.map(closeServiceDatabase));
    await database?.drop();
  });

  it('creates the schema, applies each migration once and keeps the migrations table in the schema', async () => {
    const alpha = dataSource('alpha');
    expect(await initializeServiceDatabase(alpha)).toEqual({
      schema: 'alpha',
      appliedMigrations: ['CreateProbeTable1767225600001'],
    });
    expect(await initializeServiceDatabase(alpha)).toEqual({ schema: 'alpha', appliedMigrations: [] });

    const tables = await alpha.query(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    expect(tables).toEqual([
      { table_schema: 'alpha', table_name: 'migrations' },
      { table_schema: 'alpha', table_name: 'probe' },
    ]);
    expect(await alpha.query('SELECT name FROM alpha.migrations')).toEqual([
      { name: 'CreateProbeTable1767225600001' },
    ]);
  });

  it('lets processes that start together set up one schema without racing', async () => {
    const starts = [dataSource('gamma'), dataSource('gamma'), dataSource('gamma')].map(
      initializeServiceDatabase,
    );
    const reports = await Promise.all(starts);
    expect(reports.flatMap((report) => report.appliedMigrations)).toEqual(['CreateProbeTable1767225600001']);
  });

  it('keeps the tables of two services apart', async () => {
    const alpha = dataSource('alpha', [CreateProbeTable1767225600001, CreatePrivateTable1767225600002]);
    const beta = dataSource('beta');
    await initializeServiceDatabase(alpha);
    await initializeServiceDatabase(beta);

    await alpha.getRepository(ProbeEntity).save({ label: 'only in alpha' });
    await alpha.query(`INSERT INTO private_note (note) VALUES ('unqualified SQL reaches the own schema')`);

    expect(await beta.getRepository(ProbeEntity).count()).toBe(0);
    expect(await alpha.getRepository(ProbeEntity).count()).toBe(1);
    expect(await beta.query(`SELECT to_regclass('private_note') AS found`)).toEqual([{ found: null }]);
    await expect(beta.query('SELECT * FROM private_note')).rejects.toThrow(/does not exist/);
    expect(await alpha.query('SELECT note FROM private_note')).toEqual([
      { note: 'unqualified SQL reaches the own schema' },
    ]);
  });

  it('commits a transaction that resolves, rolls back one that throws, at READ COMMITTED', async () => {
    const delta = dataSource('delta');
    await initializeServiceDatabase(delta);
    const repository = delta.getRepository(ProbeEntity);

    const level = await inTransaction(delta, async (manager) => {
      await manager.save(ProbeEntity, { label: 'kept' });
      return manager.query<Array<{ transaction_isolation: string }>>('SHOW transaction_isolation');
    });
    expect(level).toEqual([{ transaction_isolation: 'read committed' }]);

    await expect(
      inTransaction(delta, async (manager) => {
        await manager.save(ProbeEntity, { label: 'discarded' });
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');

    expect((await repository.find()).map((probe) => probe.label)).toEqual(['kept']);
  });
});
