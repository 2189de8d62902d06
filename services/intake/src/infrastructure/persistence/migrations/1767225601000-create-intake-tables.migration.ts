import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

export class CreateIntakeTables1767225601000 implements MigrationInterface {
  name = 'CreateIntakeTables1767225601000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."allegation" (
        "id" UUID PRIMARY KEY,
        "reference" TEXT NOT NULL UNIQUE,
        "state_concerned" CHAR(3) NOT NULL,
        "received_via" TEXT NOT NULL,
        "received_on" DATE NOT NULL,
        "summary" TEXT NOT NULL,
        "submission_language" TEXT NOT NULL,
        "lead_entity" TEXT NOT NULL,
        "recorded_by_sub" TEXT NOT NULL,
        "recorded_by_role" TEXT NOT NULL,
        "recorded_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."case_reference_counter" (
        "year" INTEGER PRIMARY KEY,
        "last_value" INTEGER NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."case_reference_counter"`);
    await queryRunner.query(`DROP TABLE "${schema}"."allegation"`);
  }
}
