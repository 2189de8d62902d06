import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** Consent history: every recording and withdrawal, never changed or erased. */
export class CreateConsentRecords1767225706000 implements MigrationInterface {
  name = 'CreateConsentRecords1767225706000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."consent_record" (
        "case_id" UUID NOT NULL REFERENCES "${schema}"."allegation" ("id"),
        "version" INTEGER NOT NULL CHECK ("version" > 0),
        "kind" TEXT NOT NULL CHECK ("kind" IN ('recorded', 'withdrawn')),
        "raise_with_state" TEXT NOT NULL CHECK ("raise_with_state" IN ('named', 'anonymous', 'no')),
        "share_with_un_entities" TEXT NOT NULL CHECK ("share_with_un_entities" IN ('yes', 'no')),
        "publish" TEXT NOT NULL CHECK ("publish" IN ('named', 'anonymous', 'no')),
        "given_by" TEXT NOT NULL,
        "given_on" DATE NOT NULL,
        "form" TEXT NOT NULL,
        "recorded_by_sub" TEXT NOT NULL,
        "recorded_by_entity" TEXT NOT NULL,
        "recorded_at" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY ("case_id", "version")
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "${schema}"."consent_record_is_append_only"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'consent history is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "consent_record_append_only"
      BEFORE UPDATE OR DELETE ON "${schema}"."consent_record"
      FOR EACH ROW EXECUTE FUNCTION "${schema}"."consent_record_is_append_only"()`);
    await queryRunner.query(`
      CREATE TRIGGER "consent_record_no_truncate"
      BEFORE TRUNCATE ON "${schema}"."consent_record"
      FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."consent_record_is_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."consent_record"`);
    await queryRunner.query(`DROP FUNCTION "${schema}"."consent_record_is_append_only"()`);
  }
}
