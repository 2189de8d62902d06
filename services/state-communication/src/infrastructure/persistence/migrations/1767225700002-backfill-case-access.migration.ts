import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** Cases recorded before need-to-know access existed keep their lead entity in the access projection. */
export class BackfillStateCommunicationCaseAccess1767225700002 implements MigrationInterface {
  name = 'BackfillStateCommunicationCaseAccess1767225700002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      INSERT INTO "${schema}"."case_access" ("case_id", "lead_entity", "lead_since", "updated_at")
      SELECT "case_id", "lead_entity", "opened_at", "opened_at" FROM "${schema}"."state_case_file"
      ON CONFLICT ("case_id") DO NOTHING`);
  }

  async down(): Promise<void> {
    // The projection rows stay: they are rebuilt from events, not owned by this migration.
  }
}
