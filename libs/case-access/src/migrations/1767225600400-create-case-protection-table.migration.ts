import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** Each service's own projection of the protection flag of each case. */
export class CreateCaseProtectionTable1767225600400 implements MigrationInterface {
  name = 'CreateCaseProtectionTable1767225600400';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."case_protection" (
        "case_id" UUID PRIMARY KEY,
        "version" INTEGER NOT NULL,
        "withheld" BOOLEAN NOT NULL,
        "level" TEXT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."case_protection"`);
  }
}
