import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnlyTable, makeTableAppendOnly, schemaOf } from '@reprisals/persistence';

/** Protection flag history: every flag, change of level and lift, never changed or erased. */
export class CreateProtectionFlagRecords1767225710000 implements MigrationInterface {
  name = 'CreateProtectionFlagRecords1767225710000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."protection_flag_record" (
        "case_id" UUID NOT NULL REFERENCES "${schema}"."allegation" ("id"),
        "version" INTEGER NOT NULL CHECK ("version" > 0),
        "kind" TEXT NOT NULL CHECK ("kind" IN ('flagged', 'lifted')),
        "level" TEXT NULL,
        "reason" TEXT NULL,
        "note" TEXT NOT NULL,
        "by_sub" TEXT NOT NULL,
        "by_entity" TEXT NOT NULL,
        "at" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY ("case_id", "version"),
        CHECK (("kind" = 'flagged') = ("level" IS NOT NULL AND "reason" IS NOT NULL))
      )`);
    await makeTableAppendOnly(
      queryRunner,
      'protection_flag_record',
      'protection flag history is append-only',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnlyTable(queryRunner, 'protection_flag_record');
  }
}
