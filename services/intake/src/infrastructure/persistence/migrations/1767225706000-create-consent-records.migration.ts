import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnlyTable, makeTableAppendOnly, schemaOf } from '@reprisals/persistence';

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
    await makeTableAppendOnly(queryRunner, 'consent_record', 'consent history is append-only');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnlyTable(queryRunner, 'consent_record');
  }
}
