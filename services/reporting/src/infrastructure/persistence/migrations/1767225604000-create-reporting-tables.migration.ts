import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

export class CreateReportingTables1767225604000 implements MigrationInterface {
  name = 'CreateReportingTables1767225604000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."timeline_entry" (
        "event_id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL,
        "event_type" TEXT NOT NULL,
        "occurred_at" TIMESTAMPTZ NOT NULL,
        "service" TEXT NOT NULL,
        "actor_kind" TEXT NOT NULL,
        "actor_sub" TEXT NULL,
        "actor_role" TEXT NULL,
        "actor_entity" TEXT NULL,
        "policy_version" TEXT NULL,
        "causation_id" UUID NULL,
        "correlation_id" UUID NOT NULL,
        "recorded_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "timeline_entry_case" ON "${schema}"."timeline_entry" ("case_id")`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."case_overview" (
        "case_id" UUID PRIMARY KEY,
        "reference" TEXT NOT NULL,
        "state_concerned" CHAR(3) NOT NULL,
        "lead_entity" TEXT NOT NULL,
        "received_via" TEXT NULL,
        "received_on" DATE NULL,
        "stage" TEXT NULL,
        "protocol_version" TEXT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."case_overview"`);
    await queryRunner.query(`DROP TABLE "${schema}"."timeline_entry"`);
  }
}
