import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

export class CreateCaseShareRecords1767225701000 implements MigrationInterface {
  name = 'CreateCaseShareRecords1767225701000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."case_share_record" (
        "share_id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL REFERENCES "${schema}"."allegation" ("id"),
        "lead_entity" TEXT NOT NULL,
        "entity" TEXT NOT NULL,
        "scope" TEXT NOT NULL CHECK ("scope" IN ('summary', 'full')),
        "purpose" TEXT NOT NULL,
        "expires_at" TIMESTAMPTZ NULL,
        "consent_basis" TEXT NOT NULL CHECK ("consent_basis" IN ('consent', 'supervisor-override')),
        "override_reason" TEXT NULL,
        "status" TEXT NOT NULL CHECK ("status" IN ('offered', 'accepted', 'declined', 'revoked')),
        "offered_by_sub" TEXT NOT NULL,
        "offered_at" TIMESTAMPTZ NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "case_share_record_case" ON "${schema}"."case_share_record" ("case_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."case_share_record"`);
  }
}
