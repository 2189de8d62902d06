import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

export class CreateCaseAuditEntries1767225702000 implements MigrationInterface {
  name = 'CreateCaseAuditEntries1767225702000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."case_audit_entry" (
        "record_id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL,
        "service" TEXT NOT NULL,
        "seq" BIGINT NOT NULL,
        "action" TEXT NOT NULL,
        "outcome" TEXT NOT NULL,
        "reason" TEXT NULL,
        "actor_kind" TEXT NOT NULL,
        "actor_sub" TEXT NULL,
        "actor_entity" TEXT NULL,
        "actor_role" TEXT NULL,
        "target" TEXT NULL,
        "policy_version" TEXT NULL,
        "recorded_at" TIMESTAMPTZ NOT NULL,
        "hash" CHAR(64) NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "case_audit_entry_case" ON "${schema}"."case_audit_entry" ("case_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."case_audit_entry"`);
  }
}
