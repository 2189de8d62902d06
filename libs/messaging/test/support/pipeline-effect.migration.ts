import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** A table where the test subscriber writes one row per handled event: duplicates would show. */
export class CreatePipelineEffect1767225699000 implements MigrationInterface {
  name = 'CreatePipelineEffect1767225699000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "${schemaOf(queryRunner)}"."pipeline_effect" (
        "id" BIGSERIAL PRIMARY KEY,
        "event_id" UUID NOT NULL,
        "case_id" UUID NOT NULL,
        "reference" TEXT NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."pipeline_effect"`);
  }
}
