import { Global, Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { CLOCK, ManualClock } from '@reprisals/kernel';
import { inTransaction } from '@reprisals/persistence';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { IdentityVault } from '../vault/identity-vault';
import { openVaultDataSource } from '../vault/identity-vault.test-support';
import { IdentityVaultModule } from './identity-vault.module';

const clock = new ManualClock('2026-11-20T09:00:00.000Z');

@Global()
@Module({ providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] })
class TestClockModule {}

describe('IdentityVaultModule', () => {
  let database: TestDatabase;
  let directory: string;
  let keyFile: string;
  const contexts: INestApplicationContext[] = [];
  /** Closed at the end even when their application failed to start. */
  const dataSources: DataSource[] = [];

  /** A Nest application with the service's data source `intake` and its vault. */
  const start = async (vault: DynamicModule): Promise<INestApplicationContext> => {
    @Module({
      imports: [
        TestClockModule,
        TypeOrmModule.forRootAsync({
          name: 'intake',
          useFactory: () => ({ type: 'postgres', url: database.url, schema: 'intake' }),
          dataSourceFactory: async () => {
            const dataSource = await openVaultDataSource(database.url, 'intake', 2);
            dataSources.push(dataSource);
            return dataSource;
          },
        }),
        vault,
      ],
    })
    class VaultTestModule {}
    const context = await NestFactory.createApplicationContext(VaultTestModule, {
      logger: false,
      abortOnError: false,
    });
    contexts.push(context);
    return context;
  };

  beforeAll(async () => {
    database = await createTestDatabase('identity_vault_nest');
    directory = mkdtempSync(join(tmpdir(), 'identity-vault-nest-'));
    keyFile = join(directory, 'kek.key');
    writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await Promise.all(dataSources.filter((source) => source.isInitialized).map((source) => source.destroy()));
    rmSync(directory, { recursive: true, force: true });
    await database?.drop();
  });

  it('given the module for a service, when the application starts, then the vault seals through that data source with the process clock', async () => {
    const app = await start(
      IdentityVaultModule.forService({ dataSourceName: 'intake', env: { IDENTITY_KEY_FILE: keyFile } }),
    );
    const vault = app.get(IdentityVault, { strict: false });
    const dataSource = app.get<DataSource>(getDataSourceToken('intake'), { strict: false });
    const caseId = randomUUID();

    const sealed = await inTransaction(dataSource, (manager) =>
      vault.seal(manager, caseId, 'victim.name', 'Nadia K.'),
    );

    expect(vault.schema).toBe('intake');
    expect(
      await inTransaction(dataSource, (manager) => vault.open(manager, caseId, 'victim.name', sealed)),
    ).toBe('Nadia K.');
    const [row] = await dataSource.query<Array<{ created_at: Date }>>(
      'SELECT created_at FROM intake.case_data_key WHERE case_id = $1',
      [caseId],
    );
    expect(row!.created_at.toISOString()).toBe('2026-11-20T09:00:00.000Z');
  });

  it('given a key provider this build does not have, when the application starts, then it fails naming IDENTITY_KEY_PROVIDER', async () => {
    await expect(
      start(
        IdentityVaultModule.forService({
          dataSourceName: 'intake',
          env: { IDENTITY_KEY_PROVIDER: 'aws-kms' },
        }),
      ),
    ).rejects.toThrow('IDENTITY_KEY_PROVIDER must be local-file');
  });
});
