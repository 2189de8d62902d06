import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** Each service's own projection of what consent allows for each case. */
export class CreateCaseConsentTable1767225600300 implements MigrationInterface {
  name = 'CreateCaseConsentTable1767225600300';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."case_consent" (
        "case_id" UUID PRIMARY KEY,
        "version" INTEGER NOT NULL,
        "raise_with_state" TEXT NOT NULL CHECK ("raise_with_state" IN ('named', 'anonymous', 'no')),
        "share_with_un_entities" TEXT NOT NULL CHECK ("share_with_un_entities" IN ('yes', 'no')),
        "publish" TEXT NOT NULL CHECK ("publish" IN ('named', 'anonymous', 'no')),
        "withdrawn" BOOLEAN NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."case_consent"`);
  }
}
