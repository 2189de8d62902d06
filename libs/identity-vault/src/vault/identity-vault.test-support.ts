import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, initializeServiceDatabase } from '@reprisals/persistence';
import { LocalKeyFileProvider } from '../keys/local-key-file.provider';
import { caseDataKeysMigration } from '../migrations/case-data-keys.migration';

/** A service data source whose schema has the case_data_key table and nothing else. */
export async function openVaultDataSource(url: string, schema: string, poolSize = 6): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    url,
    schema,
    entities: [],
    migrations: [caseDataKeysMigration(1767225600300)],
    applicationName: `test-identity-vault-${schema}`,
    poolSize,
  });
  await initializeServiceDatabase(dataSource);
  return dataSource;
}

/** A key-encryption key made for one test run. */
export function testKeyProvider(kek: Buffer = randomBytes(32)): LocalKeyFileProvider {
  return new LocalKeyFileProvider(kek);
}

/**
 * The garbage collector, for memory measurements: Jest does not start Node with --expose-gc, so
 * the flag is set at run time and `gc` taken from a fresh context, where V8 installs it.
 */
export function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Sessions of this database waiting for a lock: a transaction blocked by another. */
export async function sessionsWaitingForALock(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query<Array<{ waiting: number }>>(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return row?.waiting ?? 0;
}

/** A promise and the function that resolves it: a transaction holds open until a test says so. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
