import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnlyTable, makeTableAppendOnly, schemaOf } from '@reprisals/persistence';

/** The evidence files of each case: what lists them; the files are in the evidence store. */
export class CreateCaseAttachments1767225720000 implements MigrationInterface {
  name = 'CreateCaseAttachments1767225720000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."case_attachment" (
        "attachment_id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL REFERENCES "${schema}"."allegation" ("id"),
        "content_type" TEXT NOT NULL,
        "size_bytes" BIGINT NOT NULL CHECK ("size_bytes" > 0),
        "sealed_checksum" TEXT NOT NULL,
        "sealed_filename" TEXT NOT NULL,
        "sealed_description" TEXT NULL,
        "added_by_sub" TEXT NOT NULL,
        "added_by_entity" TEXT NOT NULL,
        "added_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "case_attachment_case_id_added_at" ON "${schema}"."case_attachment" ("case_id", "added_at")`,
    );
    await makeTableAppendOnly(queryRunner, 'case_attachment', 'evidence files are never changed or removed');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnlyTable(queryRunner, 'case_attachment');
  }
}
