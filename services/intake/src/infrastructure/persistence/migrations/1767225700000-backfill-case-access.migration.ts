import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** Cases recorded before need-to-know access existed keep their lead entity in the access projection. */
export class BackfillIntakeCaseAccess1767225700000 implements MigrationInterface {
  name = 'BackfillIntakeCaseAccess1767225700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      INSERT INTO "${schema}"."case_access" ("case_id", "lead_entity", "lead_since", "updated_at")
      SELECT "id", "lead_entity", "recorded_at", "recorded_at" FROM "${schema}"."allegation"
      ON CONFLICT ("case_id") DO NOTHING`);
  }

  async down(): Promise<void> {
    // The projection rows stay: they are rebuilt from events, not owned by this migration.
  }
}
