import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * Reporting cycles: what a report covers (its kind, period and cut-off, and once known its
 * symbol), the version of the rules it is compiled under, the compile job's state and progress,
 * and the last compiled draft (entries written from categories only, and every exclusion).
 */
export class CreateReportingCycles1767225810000 implements MigrationInterface {
  name = 'CreateReportingCycles1767225810000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."reporting_cycle" (
        "id" UUID PRIMARY KEY,
        "kind" TEXT NOT NULL CHECK ("kind" IN ('sg-annual-report', 'hrc-president-briefing', 'custom')),
        "period_from" DATE NOT NULL,
        "period_to" DATE NOT NULL,
        "cut_off" DATE NOT NULL,
        "symbol" TEXT NULL CHECK (char_length("symbol") BETWEEN 1 AND 40),
        "policy_version" TEXT NOT NULL,
        "job_state" TEXT NOT NULL CHECK ("job_state" IN ('not-compiled', 'compiling', 'compiled', 'failed')),
        "percent_done" SMALLINT NOT NULL CHECK ("percent_done" BETWEEN 0 AND 100),
        "draft" JSONB NULL,
        "compiled_at" TIMESTAMPTZ NULL,
        "opened_by" JSONB NOT NULL,
        "opened_at" TIMESTAMPTZ NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL,
        CONSTRAINT "reporting_cycle_period" CHECK ("period_from" <= "period_to" AND "cut_off" >= "period_to")
      )`);
    await queryRunner.query(
      `CREATE INDEX "reporting_cycle_period_to" ON "${schema}"."reporting_cycle" ("period_to" DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."reporting_cycle"`);
  }
}
