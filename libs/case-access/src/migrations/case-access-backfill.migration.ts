import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdentifier, schemaOf } from '@reprisals/persistence';

export interface CaseAccessBackfill {
  /** The migration's timestamp: after both the case-access tables and the source table exist. */
  timestamp: number;
  /** The service table that knows each case's lead, and its columns. */
  table: string;
  caseIdColumn: string;
  leadEntityColumn: string;
  sinceColumn: string;
}

/**
 * A migration that gives cases recorded before need-to-know access existed their lead entity in
 * the access projection, from a table of the service that already knew it.
 */
export function caseAccessBackfillMigration(backfill: CaseAccessBackfill): new () => MigrationInterface {
  const name = `BackfillCaseAccessFrom${backfill.table.replace(/(^|_)([a-z])/g, (_m, _u: string, c: string) => c.toUpperCase())}${backfill.timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      const schema = quoteIdentifier(schemaOf(queryRunner));
      const [id, lead, since] = [backfill.caseIdColumn, backfill.leadEntityColumn, backfill.sinceColumn].map(
        quoteIdentifier,
      );
      await queryRunner.query(`
        INSERT INTO ${schema}."case_access" ("case_id", "lead_entity", "lead_since", "updated_at")
        SELECT ${id}, ${lead}, ${since}, ${since} FROM ${schema}.${quoteIdentifier(backfill.table)}
        ON CONFLICT ("case_id") DO NOTHING`);
    }

    async down(): Promise<void> {
      // The projection rows stay: they are rebuilt from events, not owned by this migration.
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
