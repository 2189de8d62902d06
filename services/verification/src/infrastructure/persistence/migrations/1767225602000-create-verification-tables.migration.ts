import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

export class CreateVerificationTables1767225602000 implements MigrationInterface {
  name = 'CreateVerificationTables1767225602000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."verification_case" (
        "case_id" UUID PRIMARY KEY,
        "reference" TEXT NOT NULL,
        "state_concerned" CHAR(3) NOT NULL,
        "lead_entity" TEXT NOT NULL,
        "stage" TEXT NOT NULL,
        "protocol_version" TEXT NOT NULL,
        "opened_at" TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."verification_case"`);
  }
}
