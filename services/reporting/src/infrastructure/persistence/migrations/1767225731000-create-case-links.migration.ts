import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** The links between cases, as timeline steps naming the other case by id. */
export class CreateCaseLinks1767225731000 implements MigrationInterface {
  name = 'CreateCaseLinks1767225731000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."case_link" (
        "event_id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL,
        "linked_case_id" UUID NOT NULL,
        "link_id" UUID NOT NULL,
        "recorded_at" TIMESTAMPTZ NOT NULL,
        CHECK ("case_id" <> "linked_case_id")
      )`);
    await queryRunner.query(`CREATE INDEX "case_link_case" ON "${schema}"."case_link" ("case_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."case_link"`);
  }
}
