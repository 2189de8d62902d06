import { type DataSource, MigrationExecutor } from 'typeorm';
import { quoteIdentifier } from '../database/sql-identifier';
import { serviceSchemaOf } from './service-schema';

/** First key of the advisory lock that serialises schema set-up; the second is the schema's hash. */
const SCHEMA_SETUP_LOCK = 0x52_45_50_53;

export interface ServiceDatabaseReport {
  schema: string;
  /** Names of the migrations this call applied (empty when the schema was up to date). */
  appliedMigrations: string[];
}

/**
 * Connects (when not connected yet), creates the service schema when missing and applies pending
 * migrations, each in its own transaction. Safe to call on every start and from several processes
 * at once: the whole set-up runs under a PostgreSQL advisory lock keyed by the schema.
 */
export async function initializeServiceDatabase(dataSource: DataSource): Promise<ServiceDatabaseReport> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const schema = serviceSchemaOf(dataSource);
  const queryRunner = dataSource.createQueryRunner('master');
  try {
    await queryRunner.connect();
    await queryRunner.query('SELECT pg_advisory_lock($1, hashtext($2))', [SCHEMA_SETUP_LOCK, schema]);
    try {
      await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
      const executor = new MigrationExecutor(dataSource, queryRunner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return { schema, appliedMigrations: applied.map((migration) => migration.name) };
    } finally {
      await queryRunner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [SCHEMA_SETUP_LOCK, schema]);
    }
  } finally {
    await queryRunner.release();
  }
}

/** Closes the pool of a data source; does nothing when it is not connected. */
export async function closeServiceDatabase(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) await dataSource.destroy();
}
