/**
 * @reprisals/persistence: PostgreSQL for the services.
 *
 * Every service owns one schema and never reads another's tables:
 *
 * ```ts
 * const dataSource = createServiceDataSource({
 *   url: process.env.DATABASE_URL!, schema: 'intake', applicationName: 'intake',
 *   entities: [AllegationEntity], migrations: [CreateIntakeTables1767225600000],
 * });
 * await initializeServiceDatabase(dataSource); // schema + pending migrations, on every start
 * await inTransaction(dataSource, async (manager) => { ... });  // READ COMMITTED
 * await closeServiceDatabase(dataSource);
 * ```
 *
 * The data source's default schema is the service schema: entities map there, applied migrations
 * are recorded in `<schema>.migrations`, and the session search_path is `<schema>, public`.
 *
 * Migrations never hard-code a schema: the same migration class can serve any schema (the
 * messaging tables exist once per service). A migration reads the schema of the data source that
 * runs it with `schemaOf(queryRunner)` (i.e. `queryRunner.dataSource.options.schema`; the older
 * `queryRunner.connection` is deprecated in TypeORM 1.x) and qualifies every name with it:
 *
 * ```ts
 * export class CreateAllegations1767225600000 implements MigrationInterface {
 *   name = 'CreateAllegations1767225600000';
 *   async up(queryRunner: QueryRunner): Promise<void> {
 *     const schema = schemaOf(queryRunner);
 *     await queryRunner.query(`CREATE TABLE "${schema}"."allegation" ("id" UUID PRIMARY KEY)`);
 *   }
 *   async down(queryRunner: QueryRunner): Promise<void> {
 *     await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."allegation"`);
 *   }
 * }
 * ```
 * Each migration runs in its own transaction; set `transaction = false` on one that cannot
 * (e.g. CREATE INDEX CONCURRENTLY).
 *
 * Standalone mode runs a real PostgreSQL from npm packages, with data kept across restarts:
 *
 * ```ts
 * const server = new EmbeddedPostgresServer({ log: (line) => logger.info(line) });
 * await server.start();
 * const url = server.databaseUrl('reprisals');
 * await ensureDatabase(url);
 * ...
 * await server.stop();
 * ```
 */
export { EmbeddedPostgresServer } from './embedded/embedded-postgres.server';
export {
  EMBEDDED_POSTGRES_DEFAULTS,
  type EmbeddedPostgresOptions,
} from './embedded/embedded-postgres.options';
export { ensureDatabase } from './database/ensure-database';
export { databaseNameOf, describeDatabaseUrl, withDatabase } from './database/database-url';
export { quoteIdentifier } from './database/sql-identifier';
export {
  createServiceDataSource,
  MIGRATIONS_TABLE,
  type ServiceDataSourceOptions,
} from './data-source/service-data-source.factory';
export {
  closeServiceDatabase,
  initializeServiceDatabase,
  type ServiceDatabaseReport,
} from './data-source/service-database.initializer';
export { serviceSchemaOf } from './data-source/service-schema';
export { schemaOf } from './migrations/schema-of';
export { dropAppendOnlyTable, makeTableAppendOnly } from './migrations/append-only-table';
export { inTransaction } from './transactions/in-transaction';
export { isTransactionConflict, retryOnConflict } from './transactions/transaction-conflict';
export { findRepoRoot } from './workspace/repo-root.locator';
