import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

export class CreateErasureRecords1767225708000 implements MigrationInterface {
  name = 'CreateErasureRecords1767225708000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."erasure_record" (
        "case_id" UUID PRIMARY KEY REFERENCES "${schema}"."allegation" ("id"),
        "reason" TEXT NOT NULL,
        "note" TEXT NOT NULL,
        "erased_by_sub" TEXT NOT NULL,
        "erased_by_entity" TEXT NOT NULL,
        "erased_at" TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."erasure_record"`);
  }
}
