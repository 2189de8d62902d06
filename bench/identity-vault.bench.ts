/**
 * Sealing and opening one identity record (JSON, about 200 bytes) with the identity vault:
 * AES-256-GCM under the case's data key, its additional data binding case and field. Baseline:
 * JSON.stringify + JSON.parse of the same record, measured in the same run. Then the cost of a
 * key that is not cached: read from the table (real PostgreSQL) and unwrapped for each operation.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { caseDataKeysMigration, IdentityVault, LocalKeyFileProvider } from '@reprisals/identity-vault';
import { createServiceDataSource, inTransaction, initializeServiceDatabase } from '@reprisals/persistence';
import { createTestDatabase } from '@reprisals/testing';
import { measure, printComparison, progress } from './bench-report';

export async function benchIdentityVault(count = 20_000, uncachedCount = 2_000): Promise<void> {
  const database = await createTestDatabase('bench_vault');
  const dataSource = createServiceDataSource({
    url: database.url,
    schema: 'bench_vault',
    entities: [],
    migrations: [caseDataKeysMigration(1767225600300)],
    applicationName: 'bench-identity-vault',
    poolSize: 2,
  });
  try {
    await initializeServiceDatabase(dataSource);
    const keyProvider = new LocalKeyFileProvider(randomBytes(32));
    const vault = new IdentityVault({ dataSource, keyProvider });
    const uncached = new IdentityVault({ dataSource, keyProvider, cache: { maxKeys: 0 } });
    const cases = Array.from({ length: 100 }, (_, index) => ({
      caseId: randomUUID(),
      record: {
        name: `Person ${index} Example-Name`,
        alias: 'A. N. Other',
        contact: { phone: '+00 000 000 000', email: `person${index}@example.org` },
        languages: ['ar', 'fr'],
        relationship: 'victim',
      },
    }));
    // Every case gets its key first, and the cached vault warms up, before anything is measured.
    for (const { caseId, record } of cases) {
      await inTransaction(dataSource, (manager) => vault.sealJson(manager, caseId, 'victim', record));
    }
    const manager = dataSource.manager;
    const roundTrip = async (through: IdentityVault, index: number) => {
      const { caseId, record } = cases[index % cases.length]!;
      await through.openJson(
        manager,
        caseId,
        'victim',
        await through.sealJson(manager, caseId, 'victim', record),
      );
    };

    progress(`identity vault: ${count} seal + open round trips`);
    const baseline = await measure('JSON round trip', count, () => {
      for (let index = 0; index < count; index += 1) {
        JSON.parse(JSON.stringify(cases[index % cases.length]!.record));
      }
    });
    const cached = await measure('seal + open, key cached', count, async () => {
      for (let index = 0; index < count; index += 1) await roundTrip(vault, index);
    });
    printComparison('Identity vault: sealJson + openJson of one identity record', baseline, cached);

    progress(`identity vault: ${uncachedCount} round trips with the key read and unwrapped each time`);
    const cold = await measure('seal + open, key read each time', uncachedCount, async () => {
      for (let index = 0; index < uncachedCount; index += 1) await roundTrip(uncached, index);
    });
    printComparison('Identity vault: a key cached, against a key read and unwrapped per call', cached, cold);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}
