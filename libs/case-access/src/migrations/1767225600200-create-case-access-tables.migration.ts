import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * Who leads each case and with whom it is shared, in the schema of the service that runs the
 * migration: every service keeps its own projection and enforces access from it.
 */
export class CreateCaseAccessTables1767225600200 implements MigrationInterface {
  name = 'CreateCaseAccessTables1767225600200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."case_access" (
        "case_id" UUID PRIMARY KEY,
        "lead_entity" TEXT NOT NULL,
        "lead_since" TIMESTAMPTZ NOT NULL,
        "lead_transfer_id" UUID NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."case_share" (
        "share_id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL,
        "entity" TEXT NOT NULL,
        "scope" TEXT NULL CHECK ("scope" IN ('summary', 'full')),
        "status" TEXT NOT NULL CHECK ("status" IN ('offered', 'accepted', 'declined', 'revoked')),
        "expires_at" TIMESTAMPTZ NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "case_share_case_entity" ON "${schema}"."case_share" ("case_id", "entity")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."case_share"`);
    await queryRunner.query(`DROP TABLE "${schema}"."case_access"`);
  }
}
