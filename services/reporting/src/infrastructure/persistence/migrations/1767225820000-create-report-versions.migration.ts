import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * Finalised reports: each version of a cycle's report frozen with its content and that content's
 * SHA-256, and what changed since the version before. Versions are never changed or removed (a
 * correction is a new version). Which cases each finalised version included, for annex II of
 * later cycles and for the cases' timelines.
 */
export class CreateReportVersions1767225820000 implements MigrationInterface {
  name = 'CreateReportVersions1767225820000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."report_version" (
        "cycle_id" UUID NOT NULL REFERENCES "${schema}"."reporting_cycle" ("id"),
        "version" INTEGER NOT NULL CHECK ("version" >= 1),
        "content" JSONB NOT NULL,
        "content_sha256" CHAR(64) NOT NULL,
        "changes" JSONB NOT NULL,
        "finalised_by" JSONB NOT NULL,
        "finalised_at" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY ("cycle_id", "version")
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "${schema}"."report_version_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a finalised report is never changed: a correction is a new version'
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "report_version_frozen" BEFORE UPDATE OR DELETE ON "${schema}"."report_version"
        FOR EACH ROW EXECUTE FUNCTION "${schema}"."report_version_frozen"()`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."report_inclusion" (
        "case_id" UUID NOT NULL,
        "cycle_id" UUID NOT NULL REFERENCES "${schema}"."reporting_cycle" ("id"),
        "version" INTEGER NOT NULL,
        "symbol" TEXT NULL,
        "annex" TEXT NOT NULL CHECK ("annex" IN ('I', 'II')),
        PRIMARY KEY ("case_id", "cycle_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."report_inclusion"`);
    await queryRunner.query(`DROP TABLE "${schema}"."report_version"`);
    await queryRunner.query(`DROP FUNCTION "${schema}"."report_version_frozen"()`);
  }
}
